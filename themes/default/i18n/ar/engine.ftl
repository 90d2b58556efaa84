# كلمات يكتبها المحرّك في الصفحات والخلاصات وبطاقات المشاركة.
# دور كل رسالة موضَّح في en/engine.ftl.

stance_supports = يؤيد
stance_opposes = يعارض
stance_mixed = متباين
stance_neutral = محايد
stance_unclear = غير واضح

tally_supports = { $n ->
    [zero] يؤيدون
    [one] يؤيد
    [two] يؤيدان
    [few] يؤيدون
    [many] يؤيدون
   *[other] يؤيدون
}
tally_opposes = { $n ->
    [zero] يعارضون
    [one] يعارض
    [two] يعارضان
    [few] يعارضون
    [many] يعارضون
   *[other] يعارضون
}
tally_mixed = متباين
tally_neutral = محايد
tally_unclear = غير واضح

kind_actor = فاعل
kind_place = مكان
kind_topic = موضوع
kind_author = كاتب
kind_actors = الفاعلون
kind_places = الأماكن
kind_topics = المواضيع
kind_authors = الكتّاب

likelihood_almost_no_chance = شبه مستحيل
likelihood_very_unlikely = مستبعد جدًا
likelihood_unlikely = مستبعد
likelihood_roughly_even_chance = احتمال متكافئ تقريبًا
likelihood_likely = مرجّح
likelihood_very_likely = مرجّح جدًا
likelihood_almost_certain = شبه مؤكد
confidence_low = منخفضة
confidence_moderate = متوسطة
confidence_high = عالية
answer_yes = نعم
answer_no = لا

number_percent = { $value }٪
number_percent_band = { $low }–{ $high }٪

page_title_paged = { $title }، الصفحة { $n } من { $count }
page_title_all_briefings = كل الموجزات
page_title_timeline = الخط الزمني
page_title_tags = الوسوم
page_title_tagged = الوسم «{ $tag }»
page_title_search = بحث
page_description_search = ابحث في موجزات { $site }
page_title_not_found = الصفحة غير موجودة
page_title_corrections = التصحيحات والتحديثات
page_title_network = شبكة الفاعلين
page_description_network = من يُذكر مع من: أكثر الفاعلين ذكرًا والأزواج الأكثر ذكرًا معًا
page_description_role = { $name }: { $role }
page_title_as_of = { $name } في { $date }
page_description_as_of_topic = المواقف من «{ $name }» في نهاية يوم { $date }
page_description_as_of_actor = مواقف { $name } في نهاية يوم { $date }
page_title_alignment = من يتفق مع من
page_description_alignment = كم مرة يتخذ كل زوج من الفاعلين الموقف نفسه في المواضيع التي لكليهما موقف منها
page_title_alignment_month = من اتفق مع من، { $month }
page_description_alignment_month = كم مرة اتخذ كل زوج من الفاعلين الموقف نفسه، وفق المواقف المؤرخة حتى نهاية { $month }
page_title_compare = مقارنة بين { $a } و{ $b }
page_description_compare = أين يتفق { $a } و{ $b } وأين يختلفان، موضوعًا موضوعًا، ومنذ متى
page_title_track_record = سجلّ التقديرات
page_description_track_record = كيف صمدت التقديرات الرئيسية لفريق التحرير في المسائل التي حُسمت
page_title_sources = المصادر
page_description_sources = على ماذا تستند ادعاءات هذا الموقع.
page_description_source = ما يستند إلى { $title }.
crumb_timeline = الخط الزمني
crumb_tags = الوسوم
crumb_alignment = من يتفق مع من
crumb_sources = المصادر

period_range = { $from } – { $to }
period_since = منذ { $from }
period_until = حتى { $to }

coords = { $lat }° { $ns }، { $lon }° { $ew }
coords_north = شمالًا
coords_south = جنوبًا
coords_east = شرقًا
coords_west = غربًا
map_locator_summary = خريطة المنطقة المحيطة بـ«{ $name }» مع تحديد موقعه
map_locator_summary_parent = خريطة المنطقة المحيطة بـ«{ $shown }» مع تحديد موقعه: ليس لـ«{ $name }» إحداثيات خاصة به
map_world_summary = خريطة العالم: { $n ->
    [zero] لا أماكن
    [one] مكان واحد
    [two] مكانان
    [few] { $n } أماكن
    [many] { $n } مكانًا
   *[other] { $n } مكان
}، يُعلَّم كل منها بدائرة تكبر مساحتها بعدد الموجزات التي تذكره
map_world_summary_most = خريطة العالم: { $n ->
    [zero] لا أماكن
    [one] مكان واحد
    [two] مكانان
    [few] { $n } أماكن
    [many] { $n } مكانًا
   *[other] { $n } مكان
}، يُعلَّم كل منها بدائرة تكبر مساحتها بعدد الموجزات التي تذكره (الأكثر ذكرًا من أصل { $total })

network_ego_summary = { $name } والفاعلون الأكثر ذكرًا معه (عددهم { $n })؛ يصل خطٌّ بين فاعلَين ذُكرا في الموجزات نفسها، ويزداد سُمكه كلما تكرر ذلك
network_site_summary = أكثر الفاعلين ذكرًا (عددهم { $n })؛ يصل خطٌّ بين اثنين منهم ذُكرا في الموجزات نفسها، ويزداد سُمكه كلما تكرر ذلك (عدد الأزواج: { $pairs })

chart_stance_summary = مخطط تاريخ المواقف: { $actors ->
    [zero] لا فاعلين
    [one] فاعل واحد
    [two] فاعلان
    [few] { $actors } فاعلين
    [many] { $actors } فاعلًا
   *[other] { $actors } فاعل
}، { $stances ->
    [zero] لا مواقف
    [one] موقف واحد
    [two] موقفان
    [few] { $stances } مواقف
    [many] { $stances } موقفًا
   *[other] { $stances } موقف
} { $period }. يعرض الجدول المواقف نفسها نصًّا.
chart_stance_period_day = في { $date }
chart_stance_period = من { $from } إلى { $to }
chart_mark_title = { $date }: { $position } — { $title }
chart_week_of = أسبوع { $date }
chart_bar_title = { $period }: { $n ->
    [zero] لا موجزات
    [one] موجز واحد
    [two] موجزان
    [few] { $n } موجزات
    [many] { $n } موجزًا
   *[other] { $n } موجز
}
chart_activity_summary = الموجزات حسب { $unit ->
    [week] الأسبوع
   *[month] الشهر
}، { $first } – { $last }: { $total } إجمالًا، وأكثرها في { $busiest } ({ $count }).
chart_calibration_point = { $likelihood }: { $n ->
    [zero] لا تقديرات
    [one] تقدير واحد
    [two] تقديران
    [few] { $n } تقديرات
    [many] { $n } تقديرًا
   *[other] { $n } تقدير
}، تحقّق منها { $percent }
chart_calibration_summary = معايرة التقديرات المقيَّمة (عددها { $n }) على مستويات الاحتمال (عددها { $levels }): الاحتمال المعلَن مقابل مدى تحقّقها؛ القُطر يمثّل المعايرة المثالية

alignment_cell_none = لا مواضيع مشتركة
alignment_cell = يتفقان في { $agree } من أصل { $shared ->
    [zero] { $shared } موضوع
    [one] موضوع واحد
    [two] موضوعين
    [few] { $shared } مواضيع
    [many] { $shared } موضوعًا
   *[other] { $shared } موضوع
} ({ $percent })
alignment_cell_label = { $a } و{ $b }: { $cell }

grade_reliability_a = موثوق تمامًا
grade_reliability_b = موثوق عادةً
grade_reliability_c = موثوق إلى حدّ ما
grade_reliability_d = غير موثوق عادةً
grade_reliability_e = غير موثوق
grade_reliability_f = يتعذّر الحكم على الموثوقية
grade_credibility_1 = أكّدته مصادر أخرى
grade_credibility_2 = صحيح على الأرجح
grade_credibility_3 = ربما يكون صحيحًا
grade_credibility_4 = مشكوك فيه
grade_credibility_5 = مستبعد
grade_credibility_6 = يتعذّر الحكم على الصحة
grade_label = { $reliability }؛ { $credibility }
grade_label_reliability_only = { $reliability }؛ المصداقية غير مقيَّمة
grade_label_credibility_only = الموثوقية غير مقيَّمة؛ { $credibility }
grade_no_reliability = لم تُحدَّد الموثوقية

feed_title_entity = { $name } — { $site }
feed_title_tag = الوسم «{ $tag }» — { $site }
feed_title_corrections = التصحيحات — { $site }
feed_title_changes = تغيّرات المواقف — { $site }
feed_title_changes_of = { $name }: تغيّرات المواقف — { $site }
feed_correction_summary = تصحيح: { $text }
feed_change_summary = «{ $quote }» — { $title }

change_sentence = { $actor }: { $change } ({ $topic })، { $date }
change_from_to = { $from } ← { $to }
change_first = يتخذ موقفًا: { $to }
change_per = { $sentence }، بحسب { $by }
change_source = { $sentence } [{ $source }]

card_alt = { $title } — { $site }، { $date }

redirect_title = نُقلت: { $title }
redirect_heading = نُقلت الصفحة
redirect_text = أصبحت هذه الصفحة في { $link }.
body_footnote_back = العودة إلى النص
body_task_done = منجز
body_task_not_done = غير منجز
