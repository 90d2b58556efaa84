skip_to_content = انتقل إلى المحتوى
nav_sections = الأقسام
nav_briefings = الإحاطات
nav_timeline = الخط الزمني
nav_actors = الفاعلون
nav_places = الأماكن
nav_topics = المواضيع
nav_authors = الكتّاب
nav_tags = الوسوم
nav_search = بحث
briefing_count = { $n ->
    [zero] لا إحاطات
    [one] إحاطة واحدة
    [two] إحاطتان
    [few] { $n } إحاطات
    [many] { $n } إحاطة
   *[other] { $n } إحاطة
}
