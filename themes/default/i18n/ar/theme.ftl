# كلمات قوالب السمة الافتراضية بالعربية الفصحى (وظيفة كل رسالة مشروحة في en/theme.ftl).
# الجمع: [zero] 0؛ [one] 1؛ [two] 2؛ [few] 3–10؛ [many] 11–99؛ [other] 100 وما شابهها.

## كل صفحة

skip_to_content = انتقل إلى المحتوى
nav_sections = الأقسام
nav_briefings = الإحاطات
nav_timeline = التسلسل الزمني
nav_actors = الفاعلون
nav_places = الأماكن
nav_topics = المواضيع
nav_authors = الكتّاب
nav_tags = الوسوم
nav_search = البحث
briefing_count = { $n ->
    [zero] لا إحاطات
    [one] إحاطة واحدة
    [two] إحاطتان
    [few] { $n } إحاطات
    [many] { $n } إحاطةً
   *[other] { $n } إحاطة
}
feed_atom_title = { $title } (Atom)
feed_json_title = { $title } (JSON Feed)
feed_changes_atom_title = تغيّرات المواقف (Atom)
feed_changes_json_title = تغيّرات المواقف (JSON Feed)
footer_atom_feed = موجز Atom
footer_sitemap = خريطة الموقع
footer_sources = المصادر
footer_track_record = سجل التوقعات
footer_page_feed = موجز هذه الصفحة
alignment_link = من يتفق مع من
alignment_link_after = من يتفق مع من
network_link = من يُذكر مع من

## كلمات مشتركة

list_separator = {"، "}
list_last_separator = {" و"}
pair = { $a } و{ $b }
kind_briefing = إحاطة
kind_source = مصدر
kind_tag = وسم
kind_comparison = مقارنة
column_actor = الفاعل
column_topic = الموضوع
position_supports = مؤيد
position_opposes = معارض
position_mixed = متباين
position_neutral = محايد
position_unclear = غير واضح
position_was = سابقًا: { $position }
confidence_label_low = ثقة منخفضة
confidence_label_moderate = ثقة متوسطة
confidence_label_high = ثقة عالية
page_n_of = الصفحة { $n } من { $count }
aliases_line = يُكتب أيضًا: { $names }
stub_note = لا توجد نبذة بعد: تعرض هذه الصفحة ما تقوله الإحاطات.
linked_from = روابط إليها من
latest_n_of = أحدث { $shown } من أصل { $total }.
and_n_more = و{ $n } أخرى
shift_to = إلى
count_title = الإحاطات
count_title_both = الإحاطات التي تذكر الاثنين
see_it_now = اطّلع على الوضع الحالي
now = الآن
entity_briefings_heading = الإحاطات التي تذكر { $name }
briefings_empty = لا توجد إحاطات بعد.
source_retracted_on = سُحب في { $date }
source_graded_title = التصنيف { $grade }: { $label }
source_with_publisher = { $title } ({ $publisher })
stance_on_topic = { $actor } بشأن { $topic }: { $position }
stance_on_topic_quoted = { $actor } بشأن { $topic }: { $position } — { $quote }

## مسار التنقل والصفحات والمحتويات

crumbs_label = مسار التنقل
crumbs_home = الرئيسية
pager_label = ترقيم الصفحات
pager_first = الأولى
pager_previous = السابقة
pager_next = التالية
pager_last = الأخيرة
pager_page = الصفحة { $n }
toc_label = المحتويات

## جداول المواقف ومفتاحها

positions_now = الموقف الحالي
positions_history = السجل
positions_history_hint = الأقدم أولًا
positions_last_change = آخر تغيير
positions_changed_on = تغيّر في { $date }
positions_no_change = دون تغيير
history_label = السجل، الأقدم أولًا
history_earlier = +{ $n } أقدم
history_mark_title = { $date }: { $position } — { $title }
history_mark_grade = (المصدر { $grade })
history_mark_retracted = (المصدر مسحوب)
history_mark_as_of = (انظر الجدول في ذلك اليوم)
history_mark_text = { $date }: { $position }
history_mark_text_grade = ، تصنيف المصدر { $grade }
history_mark_text_retracted = ، المصدر مسحوب
legend_label = المواقف
tally_count_supports = مؤيدون: { $n }
tally_count_opposes = معارضون: { $n }
tally_count_mixed = متباينون: { $n }
tally_count_neutral = محايدون: { $n }
tally_count_unclear = غير واضح: { $n }
evidence_grade_title = تصنيف المصدر { $grade }: { $label }
evidence_retracted = سُحب المصدر في { $date }
evidence_unsourced = بلا مصدر
evidence_single_source = مصدر وحيد
evidence_paraphrase = إعادة صياغة فقط
data_links_intro = بيانات للمحللين:
data_links_stances = كل المواقف (CSV)
data_links_entities = الفاعلون والأماكن والمواضيع (JSON)
data_links_graph = من يُذكر مع من (JSON)

## الرسوم البيانية والخرائط

stance_chart_caption = كل علامة موقفٌ موضوع في تاريخ إحاطته (وحيث تتزاحم المواقف تُظهر علامة واحدة الموقف الذي اتخذه أغلبها)؛ ويدل الشكل واللون على الموقف.
sparkline_caption = الإحاطات في { $unit ->
    [week] الأسبوع
   *[month] الشهر
}، { $first } – { $last } (بحد أقصى { $max })
sparkline_caption_one = الإحاطات في { $unit ->
    [week] الأسبوع
   *[month] الشهر
}، { $first } (بحد أقصى { $max })
network_caption = الدوائر: الإحاطات التي تذكر كل فاعل؛ الخطوط: الإحاطات التي تذكر الاثنين.
network_caption_link = شبكة الفاعلين الأكثر ذكرًا
network_node_label = { $name }: ورد في { $n ->
    [zero] لا إحاطات
    [one] إحاطة واحدة
    [two] إحاطتين
    [few] { $n } إحاطات
    [many] { $n } إحاطةً
   *[other] { $n } إحاطة
}
locator_caption = موقع { $name }
locator_caption_shown_at = موقع { $name }، معروض عند { $place }
locator_caption_dots = ؛ النقاط: أماكن داخله
world_map_marker = { $name }: { $n ->
    [zero] لا إحاطات
    [one] إحاطة واحدة
    [two] إحاطتان
    [few] { $n } إحاطات
    [many] { $n } إحاطةً
   *[other] { $n } إحاطة
}
world_map_shown_at = (معروض عند { $place })
world_map_caption = الأماكن بحسب عدد الإحاطات التي تذكرها: كلما كبرت الدائرة زاد عدد الإحاطات.
world_map_caption_capped = الأماكن بحسب عدد الإحاطات التي تذكرها: كلما كبرت الدائرة زاد عدد الإحاطات (الأكثر ذكرًا { $shown } من أصل { $total ->
    [few] { $total } أماكن محددة الموقع
    [many] { $total } مكانًا محدد الموقع
   *[other] { $total } مكان محدد الموقع
}).
calibration_axis = الاحتمال المعلن
calibration_caption = الاحتمال المعلن (أفقيًا) مقابل عدد مرات تحقق التقديرات (عموديًا)؛ كل دائرة مستوى من مستويات الاحتمال، يدل حجمها ورقمها على عدد تقديراته. على القطر يتحقق المستوى بقدر ما يعلن. ويعرض الجدول أدناه الأرقام نفسها.

## الصفحة الرئيسية

home_latest = أحدث الإحاطات
home_all_briefings = { $n ->
    [one] الإحاطة الوحيدة
    [two] الإحاطتان كلتاهما
   *[other] جميع الإحاطات ({ $n })
}
home_by_month = شهرًا بشهر في التسلسل الزمني
home_empty = الإحاطات ملفات Markdown في { $folder }: يبدأ الأمر { $command } إحاطة جديدة.
home_example_title = عنوان
home_changes = مواقف تغيّرت
home_more_changes = { $n } أخرى بشأن { $topic }
home_top_actors = الفاعلون الأكثر ذكرًا
home_top_places = الأماكن الأكثر ذكرًا

## الإحاطة

briefing_embargoed_until = محظورة النشر حتى { $date }
briefing_embargo_note = { $until }: لا تظهر في أي نسخة منشورة قبل ذلك.
briefing_expired_on = انتهت صلاحيتها في { $date }
briefing_expired_note = { $expired }: لا تظهر في أي نسخة منشورة منذ ذلك الحين.
briefing_updated = حُدّثت في { $date }
briefing_draft = مسودة
briefing_by = بقلم { $names }
briefing_reviewed_by = راجعها { $names }
briefing_also_reviewed_by = راجعها { $names }
briefing_assessed = التقييم: { $confidence }
briefing_retracted_source = مصدر مسحوب
briefing_retracted_banner = { $label }: سُحب { $source } في { $date }. وقد شُطبت المواقف المستندة إليه.
briefing_retracted_banner_note = { $label }: سُحب { $source } في { $date }: { $note } وقد شُطبت المواقف المستندة إليه.
briefing_correction = تصحيح
briefing_correction_box = { $label } بتاريخ { $date }: { $text }
briefing_key_judgments = التقديرات الرئيسية
judgment_on = بشأن { $topic }
judgment_answer_no = (الجواب: لا)
briefing_at_a_glance = لمحة سريعة
briefing_then = (آنذاك { $name })
briefing_stances = المواقف
stances_on = الموضوع
stances_position = الموقف
stances_said = ما قيل
stances_said_short = القول
stances_voiced_by = على لسان { $name }
stances_voiced_by_role = على لسان { $name }، { $role }
stances_source_label = المصدر { $n }
briefing_sources = المصادر
briefing_about_source = عن هذا المصدر
corrections_heading = التصحيحات والتحديثات
briefing_all_corrections = كل التصحيحات على الموقع
briefing_related = إحاطات ذات صلة
related_links_here = تحيل إلى هنا
related_shares = تذكر أيضًا { $names }
related_shares_more = تذكر أيضًا { $names } و{ $n } غيرها

## قوائم الإحاطات والوسوم والتسلسل الزمني والتصحيحات

briefings_newest_first = الأحدث أولًا
briefings_range = { $first }–{ $last } من أصل { $n }
briefings_heading = جميع الإحاطات
tag_heading = الوسم «{ $name }»
tags_empty = لا توجد وسوم بعد.
timeline_years = السنوات
timeline_continued = تتمة
timeline_change = { $actor } بشأن { $topic }: { $change }
corrections_lede = أحدث التصحيحات والتحديثات على الإحاطات، الأحدث أولًا.
corrections_feed = الموجز

## الفاعلون والأماكن والكتّاب

actor_affiliated_with = منتسب إلى { $actor }
actor_over_time = المناصب والانتماءات عبر الزمن
actor_roles = المناصب
actor_affiliations = الانتماءات
actor_names = الأسماء
actor_positions = المواقف بحسب الموضوع
actor_positions_capped = المواضيع الـ{ $shown } الأكثر مواقف من أصل { $total }.
actor_compare = قارن مع
actor_compare_note = موضوعًا بموضوع: أين يتفقان وأين يختلفان، ومنذ متى.
actor_voiced = مواقف عبّر عنها نيابة عن آخرين
actor_members = فاعلون منتسبون
actor_co_actors = يُذكر مع
place_in = في { $place }
place_coordinates = الإحداثيات:
place_osm = الخريطة على OpenStreetMap
place_names_over_time = الأسماء عبر الزمن
place_within = أماكن داخل { $name }
place_actors = فاعلون ناشطون هنا
author_stub_note = لا توجد نبذة بعد: تعرض هذه الصفحة الإحاطات التي تحمل هذا الاسم توقيعًا.
author_briefings_heading = إحاطات { $name }
author_reviewed_heading = راجعها { $name }
entities_network_note = { $link }: الفاعلون الأكثر ذكرًا في رسم.
entities_no_profile = بلا نبذة
entities_none = لا شيء بعد.

## الموضوع

topic_named_in = ورد في { $n ->
    [zero] لا إحاطات
    [one] إحاطة واحدة
    [two] إحاطتين
    [few] { $n } إحاطات
    [many] { $n } إحاطةً
   *[other] { $n } إحاطة
}
topic_stale = راكد
topic_stale_note = لا إحاطة منذ { $since } (يعدّ هذا الفريق الموضوع راكدًا بعد { $n ->
    [one] يوم واحد
    [two] يومين
    [few] { $n } أيام
    [many] { $n } يومًا
   *[other] { $n } يوم
}).
topic_resolution = الحسم
topic_resolved = حُسم في { $date }: { $outcome }
topic_fared = كيف صمدت تقديرات الفريق
topic_scored = { $n ->
    [zero] لم يُقيَّم أي تقدير.
    [one] قُيّم تقدير واحد.
    [two] قُيّم تقديران.
    [few] قُيّمت { $n } تقديرات.
    [many] قُيّم { $n } تقديرًا.
   *[other] قُيّم { $n } تقدير.
}
topic_scored_brier = عدد التقديرات المقيّمة: { $n }، بمتوسط درجة براير { $brier } (الصفر مثالي، و0.25 ما يناله من يقول دائمًا 50%).
topic_later = التقديرات الصادرة بعد حسم السؤال مدرجة لكنها غير مقيّمة.
topic_track_record_link = سجل توقعات الفريق
topic_judgments_caption = التقديرات بشأن هذا السؤال، الأقدم أولًا
topic_no_judgment = لم تُصدر أي إحاطة تقديرًا بشأن هذا السؤال.
topic_matrix = من يقف أين
topic_matrix_capped = الفاعلون الـ{ $shown } الأكثر مواقف من أصل { $total }.
topic_no_stances = لم تُسجّل مواقف بعد.
topic_stances_over_time = المواقف عبر الزمن
topic_briefings_heading = إحاطات بشأن { $name }
scored_briefing = الإحاطة
scored_judgment = التقدير
scored_question = السؤال
scored_likelihood = الاحتمال
scored_answer = الجواب
scored_came_true = تحقق
scored_brier = درجة براير
scored_not_counted = غير مقيّم: صدر بعد حسم السؤال

## موضوع أو فاعل في يوم معين

as_of_kicker = حتى { $date }، التغيير { $n } من { $count }
as_of_heading = { $name } حتى { $date }
as_of_lede = الوضع في نهاية { $date }، بحسب الإحاطات المؤرخة في ذلك اليوم أو قبله. { $now }.
as_of_changes_label = التغييرات
as_of_unpaged = أيام تغيير سابقة: { $n }؛ انظر الإحاطات
as_of_first = أول تغيير
as_of_latest = آخر تغيير
as_of_matrix_topic = من كان يقف أين
as_of_capped = الـ{ $shown } الأكثر مواقف حتى ذلك الحين من أصل { $total }.
as_of_position_then = الموقف آنذاك
as_of_changes = تغييرات ذلك اليوم
as_of_change = { $name }: { $from } ← { $to }
as_of_change_first = { $name } يتخذ موقفًا: { $to }
as_of_change_in = في { $briefing }

## من يتفق مع من، ومقارنة فاعلَين

alignment_as_of = حتى نهاية { $month }
alignment_lede = لكل زوج من الفاعلين، نسبة المواضيع التي لكليهما فيها موقف واضح ويتخذان فيها الموقف نفسه، بحسب آخر موقف لكل فاعل من كل موضوع. ويظهر الفاعلون المتقاربون متجاورين.
alignment_lede_month = لكل زوج من الفاعلين، نسبة المواضيع التي لكليهما فيها موقف واضح ويتخذان فيها الموقف نفسه، بحسب مواقف الإحاطات المؤرخة حتى آخر يوم من { $month }. { $now }. ويظهر الفاعلون المتقاربون متجاورين.
alignment_snapshots = لقطات
alignment_first = أول لقطة
alignment_latest = الأحدث
alignment_matrix = الاتفاق بين الفاعلين
alignment_capped = الفاعلون الـ{ $shown } الذين لهم مواقف في أكبر عدد من المواضيع، من أصل { $total } يشتركون في موضوع مع غيرهم.
alignment_table_label = جدول الاتفاق، يُمرَّر أفقيًا
alignment_caption = الاتفاق بالنسبة المئوية من المواضيع المشتركة؛ خانة فارغة: لا موضوع مشترك. يظهر كل زوج مرة واحدة. والرقم المرتبط يفتح مقارنة الزوج.
alignment_colours = الألوان
alignment_none = لم يشترك أي فاعلَين في موضوع حتى ذلك الحين.
alignment_pairs = أزواج مقارَنة
alignment_pairs_note = الأزواج الأكثر ذكرًا معًا، موضوعًا بموضوع.
alignment_months = شهرًا بشهر
alignment_months_note = كلٌّ كما كان في نهاية الشهر.
compare_since = منذ
compare_no_stance = لا موقف
compare_agree_count = { $agree } من { $shared }
compare_agree = يتفقان في { $count } من المواضيع المشتركة ({ $percent }%)، بحسب آخر موقف لكل منهما.
compare_none_shared = لا يشتركان في أي موضوع لكليهما فيه موقف واضح، بحسب آخر موقف لكل منهما.
compare_together = ذُكرا معًا في { $n ->
    [zero] لا إحاطات.
    [one] إحاطة واحدة.
    [two] إحاطتين.
    [few] { $n } إحاطات.
    [many] { $n } إحاطةً.
   *[other] { $n } إحاطة.
}
compare_differ = أين يختلفان
compare_agreed = أين يتفقان
compare_one_sided = لأحدهما فقط موقف واضح
compare_listed = أُدرج { $listed } من أصل { $total ->
    [few] { $total } مواضيع
    [many] { $total } موضوعًا
   *[other] { $total } موضوع
} اتخذ فيها أحدهما موقفًا.
compare_alignment_note = { $link }: كل أزواج الفاعلين.

## شبكة الفاعلين

network_heading = شبكة الفاعلين
network_lede_capped = الفاعلون الـ{ $shown } الأكثر ذكرًا من أصل { $total }، ومن يُذكر مع من بينهم.
network_lede = جميع الفاعلين ({ $total })، ومن يُذكر مع من بينهم.
network_none = لا تذكر أي إحاطة فاعلًا بعد.
network_pairs = الأكثر ذكرًا معًا
network_col_actors = الفاعلون
network_col_both = الإحاطات التي تذكر الاثنين
network_most_named = الفاعلون الأكثر ذكرًا

## المصادر

source_graded = التصنيف { $grade }: { $label }.
source_retracted = مسحوب
source_retracted_banner = { $label } في { $date }. وقد شُطبت المواقف المستندة إليه منذ ذلك اليوم.
source_retracted_banner_note = { $label } في { $date }: { $note } وقد شُطبت المواقف المستندة إليه منذ ذلك اليوم.
source_read = اقرأ المصدر
source_stances = المواقف المستندة إليه
source_stance_quoted = { $stance }: «{ $quote }»
source_briefings = الإحاطات التي تستشهد به
source_none = لا شيء.
sources_lede = على ماذا تستند المواقف المسجلة على هذا الموقع ({ $n }). تتبع التصنيفات سلّم الموقع: حرف لموثوقية المصدر، ورقم لمصداقية ما نقله.
sources_rest_on = على ماذا تستند المواقف
sources_reliability = موثوقية المصدر
sources_stances = المواقف
sources_not_graded = غير مصنّف
sources_no_source = بلا مصدر
sources_single = { $count } تستند إلى مصدر وحيد (لا مصدر ثانٍ يدعم موقف الفاعل نفسه من الموضوع)
sources_paraphrase = { $count } بلا اقتباس مباشر، أو بإعادة صياغة فقط
sources_retracted = { $count } تستند إلى مصدر مسحوب
sources_on_file = المصادر المسجلة
sources_source = المصدر
sources_grade = التصنيف
sources_not_graded_short = غير مصنّف

## سجل التوقعات

track_record_lede = كيف صمدت التقديرات الرئيسية للفريق في أسئلة حُسمت. يُقيَّم كل تقدير بدرجة براير، وهي مربع الفرق بين الاحتمال الذي أعطاه وما حدث (1 إن تحقق و0 إن لم يتحقق): الصفر توقع مثالي، و0.25 ما يناله من يقول دائمًا 50%، و1 الأسوأ.
track_record_scores = الدرجات
track_record_desk = الفريق: { $score } عبر { $n ->
    [zero] لا تقديرات.
    [one] تقدير واحد.
    [two] تقديرين.
    [few] { $n } تقديرات.
    [many] { $n } تقديرًا.
   *[other] { $n } تقدير.
}
track_record_desk_later = الفريق: { $score } عبر { $n ->
    [zero] لا تقديرات
    [one] تقدير واحد
    [two] تقديرين
    [few] { $n } تقديرات
    [many] { $n } تقديرًا
   *[other] { $n } تقدير
}؛ ولا تُقيَّم التقديرات الصادرة بعد حسم أسئلتها ({ $later }).
track_record_by_author = بحسب الكاتب (يُحتسب التقدير لكل كاتب من كتّاب إحاطته)
track_record_judgments = التقديرات
track_record_mean_brier = متوسط درجة براير
track_record_calibration = المعايرة
track_record_levels_label = المعايرة بحسب المستوى، جدول يُمرَّر أفقيًا
track_record_levels_caption = التقديرات المقيّمة بحسب مستوى الاحتمال
track_record_band = النطاق
track_record_stated = المعلن، في المتوسط
track_record_observed = الملاحظ
track_record_scored = التقديرات المقيّمة
track_record_scored_caption = التقديرات المقيّمة، الأحدث أولًا

## الصفحة غير موجودة

not_found_heading = الصفحة غير موجودة
not_found_text = لا توجد صفحة على هذا العنوان. جرّب { $latest } أو { $timeline } أو { $search }.
not_found_latest = أحدث الإحاطات
not_found_timeline = التسلسل الزمني
not_found_search = البحث
