# صفحة البحث وما يعرضه نصها البرمجي (انظر en/search.ftl). الأعداد: zero (0)، one (1)،
# two (2)، few (3–10)، many (11–99)، other (100 فما فوق، والكسور).

search_title = بحث
search_label = ابحث في كل كلمة من كل إحاطة، وفي الأسماء وصيغها الأخرى والوسوم؛ ضع العبارة الدقيقة بين «علامتي تنصيص»
search_button = ابحث
search_narrow = تضييق النتائج
search_actor = الفاعل
search_any_actor = أي فاعل
search_place = المكان
search_any_place = أي مكان
search_topic = الموضوع
search_any_topic = أي موضوع
search_tag = الوسم
search_any_tag = أي وسم
search_from = من
search_to = إلى
search_noscript = يحتاج البحث إلى JavaScript. من دونه، تصفّح هذه القوائم:
search_entities_label = الفاعلون والأماكن والموضوعات
search_more = عرض مزيد من النتائج
search_further = واصل البحث
search_loading = جارٍ تحميل الفهرس…
search_failed = تعذّر تحميل فهرس البحث.
search_stale = تغيّر فهرس البحث منذ تحميل هذه الصفحة: أعد تحميلها للبحث.
search_found = { $n ->
    [0] لم يُعثر على أي إحاطة.
    [zero] لم يُعثر على أي إحاطة.
    [one] عُثر على إحاطة واحدة.
    [two] عُثر على إحاطتين.
    [few] عُثر على { $n } إحاطات.
    [many] عُثر على { $n } إحاطة.
   *[other] عُثر على { $n } إحاطة.
}
search_phrase = العبارة الدقيقة: عُثر على { $found } على الأقل؛ فُحص حتى الآن { $checked } من { $total } من الإحاطات التي تحوي كل كلماتها.
search_rough = رُتّبت النتائج كأن العبارة وردت في النص.
search_completed = أُكملت الكلمة الأخيرة بأكثر الكلمات التي تبدأ بها شيوعًا: اكتب المزيد لتضييق النتائج.
search_cut = { $n ->
    [one] بُحث عن الكلمة الأولى فقط.
    [two] بُحث عن الكلمتين الأوليين فقط.
    [few] بُحث عن أول { $n } كلمات فقط.
    [many] بُحث عن أول { $n } كلمة فقط.
   *[other] بُحث عن أول { $n } كلمة فقط.
}
search_count = { $n ->
    [zero] لا إحاطات
    [one] إحاطة واحدة
    [two] إحاطتان
    [few] { $n } إحاطات
    [many] { $n } إحاطة
   *[other] { $n } إحاطة
}
search_kind_actor = فاعل
search_kind_place = مكان
search_kind_topic = موضوع
search_kind_author = كاتب
