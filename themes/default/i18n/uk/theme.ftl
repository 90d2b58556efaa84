# Слова шаблонів типової теми українською (що робить кожне повідомлення: en/theme.ftl).
# Множина: [one] 1, 21, 31…; [few] 2–4, 22–24…; [many] 0, 5–20, 25–30…; [other] дроби.

## Кожна сторінка

skip_to_content = Перейти до змісту
nav_sections = Розділи
nav_briefings = Довідки
nav_timeline = Хронологія
nav_actors = Дійові особи
nav_places = Місця
nav_topics = Теми
nav_authors = Автори
nav_tags = Теги
nav_search = Пошук
briefing_count = { $n ->
    [one] { $n } довідка
    [few] { $n } довідки
    [many] { $n } довідок
   *[other] { $n } довідки
}
feed_atom_title = { $title } (Atom)
feed_json_title = { $title } (JSON Feed)
feed_changes_atom_title = Зміни позицій (Atom)
feed_changes_json_title = Зміни позицій (JSON Feed)
footer_atom_feed = Стрічка Atom
footer_sitemap = Мапа сайту
footer_sources = Джерела
footer_track_record = Точність прогнозів
footer_page_feed = Стрічка цієї сторінки
alignment_link = Хто з ким згоден
alignment_link_after = хто з ким згоден
network_link = Хто з ким згадується

## Спільні слова

list_separator = {", "}
list_last_separator = {" і "}
pair = { $a } і { $b }
kind_briefing = Довідка
kind_source = Джерело
kind_tag = Тег
kind_comparison = Порівняння
column_actor = Дійова особа
column_topic = Тема
position_supports = за
position_opposes = проти
position_mixed = неоднозначно
position_neutral = нейтрально
position_unclear = неясно
position_was = раніше: { $position }
confidence_label_low = низька впевненість
confidence_label_moderate = помірна впевненість
confidence_label_high = висока впевненість
page_n_of = сторінка { $n } з { $count }
aliases_line = Інші написання: { $names }
stub_note = Профілю ще немає: на цій сторінці зібрано те, що кажуть довідки.
linked_from = Посилання звідси
latest_n_of = Останні { $shown } з { $total }.
and_n_more = і ще { $n }
shift_to = на
count_title = довідки
count_title_both = довідки, де згадано обох
see_it_now = Подивитися, як є зараз
now = Зараз
entity_briefings_heading = Довідки, де згадано { $name }
briefings_empty = Довідок ще немає.
source_retracted_on = відкликано { $date }
source_graded_title = Оцінка { $grade }: { $label }
source_with_publisher = { $title } ({ $publisher })
stance_on_topic = { $actor } щодо теми «{ $topic }»: { $position }
stance_on_topic_quoted = { $actor } щодо теми «{ $topic }»: { $position } — { $quote }

## Навігаційний ланцюжок, сторінки, зміст

crumbs_label = Навігаційний ланцюжок
crumbs_home = Головна
pager_label = Сторінки
pager_first = Перша
pager_previous = Попередня
pager_next = Наступна
pager_last = Остання
pager_page = Сторінка { $n }
toc_label = Зміст

## Таблиці позицій і легенда

positions_now = Позиція зараз
positions_history = Історія
positions_history_hint = від найдавнішої
positions_last_change = Остання зміна
positions_changed_on = змінено { $date }
positions_no_change = без змін
history_label = Історія, від найдавнішої
history_earlier = +{ $n } { $n ->
    [one] давніша
    [few] давніші
    [many] давніших
   *[other] давніші
}
history_mark_title = { $date }: { $position } — { $title }
history_mark_grade = (джерело { $grade })
history_mark_retracted = (джерело відкликано)
history_mark_as_of = (див. таблицю на той день)
history_mark_text = { $date }: { $position }
history_mark_text_grade = , оцінка джерела { $grade }
history_mark_text_retracted = , джерело відкликано
legend_label = Позиції
tally_count_supports = { $n } за
tally_count_opposes = { $n } проти
tally_count_mixed = { $n } неоднозначно
tally_count_neutral = { $n } нейтрально
tally_count_unclear = { $n } неясно
evidence_grade_title = Оцінка джерела { $grade }: { $label }
evidence_retracted = джерело відкликано { $date }
evidence_unsourced = без джерела
evidence_single_source = єдине джерело
evidence_paraphrase = лише переказ
data_links_intro = Дані для аналітиків:
data_links_stances = усі позиції (CSV)
data_links_entities = дійові особи, місця й теми (JSON)
data_links_graph = хто з ким згадується (JSON)

## Діаграми й мапи

stance_chart_caption = Кожна позначка — це позиція, розміщена за датою її довідки (де позиції скупчуються, одна позначка показує позицію більшості); форма й колір передають позицію.
sparkline_caption = Довідки за { $unit ->
    [week] тиждень
   *[month] місяць
}, { $first } – { $last } (щонайбільше { $max })
sparkline_caption_one = Довідки за { $unit ->
    [week] тиждень
   *[month] місяць
}, { $first } (щонайбільше { $max })
network_caption = Кола: довідки, де згадано кожну дійову особу; лінії: довідки, де згадано обох.
network_caption_link = Мережа дійових осіб, яких згадують найчастіше
network_node_label = { $name }: згадано в { $n ->
    [one] { $n } довідці
    [few] { $n } довідках
    [many] { $n } довідках
   *[other] { $n } довідки
}
locator_caption = Розташування: { $name }
locator_caption_shown_at = Розташування: { $name }, показано в місці { $place }
locator_caption_dots = ; точки: місця в його межах
world_map_marker = { $name }: { $n ->
    [one] { $n } довідка
    [few] { $n } довідки
    [many] { $n } довідок
   *[other] { $n } довідки
}
world_map_shown_at = (показано в місці { $place })
world_map_caption = Місця за кількістю довідок, де їх згадано: що більше коло, то більше довідок.
world_map_caption_capped = Місця за кількістю довідок, де їх згадано: що більше коло, то більше довідок ({ $shown } найчастіше згадуваних із { $total } місць із координатами).
calibration_axis = Заявлена ймовірність
calibration_caption = Заявлена ймовірність (по горизонталі) проти того, як часто оцінки справджувалися (по вертикалі); кожне коло — рівень імовірності, його розмір і підпис відповідають кількості оцінок. На діагоналі рівень справджується так часто, як заявляє. Таблиця нижче містить ті самі числа.

## Головна сторінка

home_latest = Останні довідки
home_all_briefings = { $n ->
    [one] Усі довідки ({ $n })
    [few] Усі { $n } довідки
    [many] Усі { $n } довідок
   *[other] Усі { $n } довідки
}
home_by_month = за місяцями в хронології
home_empty = Довідки — це файли Markdown у { $folder }: { $command } створює нову.
home_example_title = Заголовок
home_changes = Позиції, що змінилися
home_more_changes = ще { $n } у темі «{ $topic }»
home_top_actors = Найзгадуваніші дійові особи
home_top_places = Найзгадуваніші місця

## Довідка

briefing_embargoed_until = Ембарго до { $date }
briefing_embargo_note = { $until }: до того часу не входить до опублікованих збірок.
briefing_expired_on = Термін минув { $date }
briefing_expired_note = { $expired }: відтоді не входить до опублікованих збірок.
briefing_updated = оновлено { $date }
briefing_draft = Чернетка
briefing_by = Автори: { $names }
briefing_reviewed_by = Рецензенти: { $names }
briefing_also_reviewed_by = рецензенти: { $names }
briefing_assessed = Оцінено: { $confidence }
briefing_retracted_source = Відкликане джерело
briefing_retracted_banner = { $label }: { $source } відкликано { $date }. Позиції, що на ньому ґрунтуються, закреслено.
briefing_retracted_banner_note = { $label }: { $source } відкликано { $date }: { $note } Позиції, що на ньому ґрунтуються, закреслено.
briefing_correction = Виправлення
briefing_correction_box = { $label } від { $date }: { $text }
briefing_key_judgments = Ключові оцінки
judgment_on = щодо теми { $topic }
judgment_answer_no = (відповідь — ні)
briefing_at_a_glance = Коротко
briefing_then = (тоді { $name })
briefing_stances = Позиції
stances_on = Тема
stances_position = Позиція
stances_said = Що було сказано
stances_said_short = Сказано
stances_voiced_by = озвучив(-ла) { $name }
stances_voiced_by_role = озвучив(-ла) { $name }, { $role }
stances_source_label = Джерело { $n }
briefing_sources = Джерела
briefing_about_source = про це джерело
corrections_heading = Виправлення й оновлення
briefing_all_corrections = Усі виправлення на сайті
briefing_related = Пов’язані довідки
related_links_here = посилається сюди
related_shares = теж згадує: { $names }
related_shares_more = теж згадує: { $names } і ще { $n }

## Списки довідок, теги, хронологія, виправлення

briefings_newest_first = Спершу новіші
briefings_range = { $first }–{ $last } з { $n }
briefings_heading = Усі довідки
tag_heading = Тег «{ $name }»
tags_empty = Тегів ще немає.
timeline_years = Роки
timeline_continued = продовження
timeline_change = { $actor } щодо теми { $topic }: { $change }
corrections_lede = Останні виправлення й оновлення довідок, спершу новіші.
corrections_feed = Стрічка

## Дійові особи, місця, автори

actor_affiliated_with = Пов’язано з { $actor }
actor_over_time = Посади й приналежність у часі
actor_roles = Посади
actor_affiliations = Приналежність
actor_names = Назви
actor_positions = Позиції за темами
actor_positions_capped = { $shown } тем із найбільшою кількістю позицій, із { $total }.
actor_compare = Порівняти з
actor_compare_note = Тема за темою: у чому вони згодні, у чому розходяться і відколи.
actor_voiced = Позиції, озвучені від імені інших
actor_members = Пов’язані дійові особи
actor_co_actors = Згадують разом
place_in = у складі: { $place }
place_coordinates = Координати:
place_osm = Мапа на OpenStreetMap
place_names_over_time = Назви в часі
place_within = Місця в межах: { $name }
place_actors = Дійові особи тут
author_stub_note = Профілю ще немає: на цій сторінці зібрано довідки, підписані цим іменем.
author_briefings_heading = Довідки автора: { $name }
author_reviewed_heading = Рецензовано: { $name }
entities_network_note = { $link }: найзгадуваніші дійові особи на схемі.
entities_no_profile = без профілю
entities_none = Поки нічого.

## Тема

topic_named_in = згадано в { $n ->
    [one] { $n } довідці
    [few] { $n } довідках
    [many] { $n } довідках
   *[other] { $n } довідки
}
topic_stale = Давно без оновлень
topic_stale_note = Жодної довідки з { $since } (редакція вважає тему застарілою через { $n } днів).
topic_resolution = Розв’язка
topic_resolved = Вирішено { $date }: { $outcome }
topic_fared = Як справдилися оцінки редакції
topic_scored = Оцінено: { $n }.
topic_scored_brier = Оцінено: { $n }, середній показник Браєра { $brier } (0 — ідеально, 0,25 — результат того, хто завжди каже 50 %).
topic_later = Оцінки, зроблені після розв’язання питання, наведено, але не оцінено.
topic_track_record_link = Точність прогнозів редакції
topic_judgments_caption = Оцінки з цього питання, від найдавнішої
topic_no_judgment = Жодна довідка не давала оцінки з цього питання.
topic_matrix = Хто яку позицію займає
topic_matrix_capped = { $shown } дійових осіб із найбільшою кількістю позицій, із { $total }.
topic_no_stances = Позицій ще не зафіксовано.
topic_stances_over_time = Позиції в часі
topic_briefings_heading = Довідки на тему «{ $name }»
scored_briefing = Довідка
scored_judgment = Оцінка
scored_question = Питання
scored_likelihood = Імовірність
scored_answer = Відповідь
scored_came_true = Справдилося
scored_brier = Показник Браєра
scored_not_counted = не оцінено: зроблено після розв’язання питання

## Тема чи дійова особа на певний день

as_of_kicker = станом на { $date }, зміна { $n } з { $count }
as_of_heading = { $name } станом на { $date }
as_of_lede = Стан на кінець дня { $date } за довідками, датованими цим днем або раніше. { $now }.
as_of_changes_label = Зміни
as_of_unpaged = { $n ->
    [one] { $n } давніший день змін: див. довідки
    [few] { $n } давніші дні змін: див. довідки
    [many] { $n } давніших днів змін: див. довідки
   *[other] { $n } давніших дня змін: див. довідки
}
as_of_first = Перша зміна
as_of_latest = Остання зміна
as_of_matrix_topic = Хто яку позицію займав
as_of_capped = { $shown } з найбільшою кількістю позицій на той час, із { $total }.
as_of_position_then = Позиція тоді
as_of_changes = Зміни того дня
as_of_change = { $name }: { $from } → { $to }
as_of_change_first = { $name } визначає позицію: { $to }
as_of_change_in = у довідці { $briefing }

## Хто з ким згоден, порівняння двох дійових осіб

alignment_as_of = станом на кінець { $month }
alignment_lede = Для кожної пари дійових осіб — частка тем, щодо яких обидві мають чітку позицію і ця позиція однакова, за останньою позицією кожної з них щодо кожної теми. Тих, хто тримається разом, розміщено поруч.
alignment_lede_month = Для кожної пари дійових осіб — частка тем, щодо яких обидві мають чітку позицію і ця позиція однакова, за позиціями з довідок, датованих до останнього дня періоду { $month }. { $now }. Тих, хто тримається разом, розміщено поруч.
alignment_snapshots = Знімки
alignment_first = Перший знімок
alignment_latest = Останній
alignment_matrix = Згода між дійовими особами
alignment_capped = { $shown } дійових осіб із позиціями щодо найбільшої кількості тем, із { $total }, що мають спільну тему з кимось іншим.
alignment_table_label = Таблиця згоди, прокручується вбік
alignment_caption = Згода у відсотках спільних тем; порожньо — спільних тем немає. Кожна пара трапляється один раз. Число-посилання відкриває порівняння пари.
alignment_colours = Кольори
alignment_none = На той час жодні дві дійові особи не мали спільної теми.
alignment_pairs = Порівняні пари
alignment_pairs_note = Пари, які найчастіше згадують разом, тема за темою.
alignment_months = Місяць за місяцем
alignment_months_note = Кожен — станом на кінець місяця.
compare_since = Відколи
compare_no_stance = без позиції
compare_agree_count = { $agree } з { $shared }
compare_agree = Вони згодні щодо { $count } { $shared ->
    [one] спільної теми
   *[other] спільних тем
} ({ $percent } %), за останньою позицією кожного.
compare_none_shared = У них немає спільної теми, щодо якої обидва мають чітку позицію, за останньою позицією кожного.
compare_together = Згадано разом у { $n ->
    [one] { $n } довідці.
    [few] { $n } довідках.
    [many] { $n } довідках.
   *[other] { $n } довідки.
}
compare_differ = У чому розходяться
compare_agreed = У чому згодні
compare_one_sided = Чітка позиція лише в одного
compare_listed = Наведено { $listed } з { $total } тем, щодо яких хтось із них висловився.
compare_alignment_note = { $link }: усі пари дійових осіб.

## Мережа дійових осіб

network_heading = Мережа дійових осіб
network_lede_capped = { $shown } найзгадуваніших із { $total } дійових осіб і хто з ким серед них згадується.
network_lede = Усі дійові особи ({ $total }) і хто з ким серед них згадується.
network_none = Жодна довідка ще не згадує дійових осіб.
network_pairs = Найчастіше згадують разом
network_col_actors = Дійові особи
network_col_both = Довідки, де згадано обох
network_most_named = Найзгадуваніші дійові особи

## Джерела

source_graded = Оцінка { $grade }: { $label }.
source_retracted = Відкликано
source_retracted_banner = { $label } { $date }. Позиції, що на ньому ґрунтуються, закреслено від того дня.
source_retracted_banner_note = { $label } { $date }: { $note } Позиції, що на ньому ґрунтуються, закреслено від того дня.
source_read = Читати джерело
source_stances = Позиції, що на ньому ґрунтуються
source_stance_quoted = { $stance }: «{ $quote }»
source_briefings = Довідки, що на нього посилаються
source_none = Немає.
sources_lede = На чому ґрунтуються позиції, зафіксовані на цьому сайті ({ $n }). Оцінки відповідають шкалі сайту: літера — надійність джерела, цифра — достовірність повідомленого.
sources_rest_on = На чому ґрунтуються позиції
sources_reliability = Надійність джерела
sources_stances = Позиції
sources_not_graded = Без оцінки
sources_no_source = Без джерела
sources_single = { $count } { $n ->
    [one] ґрунтується
   *[other] ґрунтуються
} на єдиному джерелі (жодне інше джерело не підтверджує позицію тієї самої дійової особи щодо теми)
sources_paraphrase = { $count } { $n ->
    [one] не має
   *[other] не мають
} прямої цитати або мають лише переказ
sources_retracted = { $count } { $n ->
    [one] ґрунтується
   *[other] ґрунтуються
} на відкликаному джерелі
sources_on_file = Джерела в реєстрі
sources_source = Джерело
sources_grade = Оцінка
sources_not_graded_short = без оцінки

## Точність прогнозів

track_record_lede = Як справдилися ключові оцінки редакції щодо питань, які вже розв’язано. Кожну оцінку виміряно показником Браєра — квадратом відстані між заявленою ймовірністю і тим, що сталося (1, якщо справдилося, 0 — якщо ні): 0 — бездоганний прогноз, 0,25 — результат того, хто завжди каже 50 %, 1 — найгірший.
track_record_scores = Показники
track_record_desk = Редакція: { $score } за { $n ->
    [one] { $n } оцінкою.
   *[other] { $n } оцінками.
}
track_record_desk_later = Редакція: { $score } за { $n ->
    [one] { $n } оцінкою
   *[other] { $n } оцінками
}; { $later ->
    [one] { $later } оцінку, зроблену після розв’язання питання, не враховано.
    [few] { $later } оцінки, зроблені після розв’язання питання, не враховано.
   *[other] { $later } оцінок, зроблених після розв’язання питання, не враховано.
}
track_record_by_author = За авторами (оцінка зараховується кожному авторові її довідки)
track_record_judgments = Оцінки
track_record_mean_brier = Середній показник Браєра
track_record_calibration = Калібрування
track_record_levels_label = Калібрування за рівнями, таблиця прокручується вбік
track_record_levels_caption = Оцінки за рівнями ймовірності
track_record_band = Діапазон
track_record_stated = Заявлено, у середньому
track_record_observed = Спостережено
track_record_scored = Оцінені прогнози
track_record_scored_caption = Оцінені прогнози, спершу новіші

## Сторінку не знайдено

not_found_heading = Сторінку не знайдено
not_found_text = За цією адресою сторінки немає. Спробуйте { $latest }, { $timeline } або { $search }.
not_found_latest = останні довідки
not_found_timeline = хронологію
not_found_search = пошук
