# Слова шаблонов темы по умолчанию на русском (что делает каждое сообщение: en/theme.ftl).
# Множественное число: [one] 1, 21, 31…; [few] 2–4, 22–24…; [many] 0, 5–20, 25–30…;
# [other] дроби.

## Каждая страница

skip_to_content = Перейти к содержанию
nav_sections = Разделы
nav_briefings = Справки
nav_timeline = Хронология
nav_actors = Действующие лица
nav_places = Места
nav_topics = Темы
nav_authors = Авторы
nav_tags = Теги
nav_search = Поиск
briefing_count = { $n ->
    [one] { $n } справка
    [few] { $n } справки
    [many] { $n } справок
   *[other] { $n } справки
}
feed_atom_title = { $title } (Atom)
feed_json_title = { $title } (JSON Feed)
feed_changes_atom_title = Изменения позиций (Atom)
feed_changes_json_title = Изменения позиций (JSON Feed)
footer_atom_feed = Лента Atom
footer_sitemap = Карта сайта
footer_sources = Источники
footer_track_record = Точность прогнозов
footer_page_feed = Лента этой страницы
alignment_link = Кто с кем согласен
alignment_link_after = кто с кем согласен
network_link = Кто с кем упоминается

## Общие слова

list_separator = {", "}
list_last_separator = {" и "}
pair = { $a } и { $b }
kind_briefing = Справка
kind_source = Источник
kind_tag = Тег
kind_comparison = Сравнение
column_actor = Действующее лицо
column_topic = Тема
position_supports = за
position_opposes = против
position_mixed = неоднозначно
position_neutral = нейтрально
position_unclear = неясно
position_was = ранее: { $position }
confidence_label_low = низкая уверенность
confidence_label_moderate = умеренная уверенность
confidence_label_high = высокая уверенность
page_n_of = страница { $n } из { $count }
aliases_line = Другие написания: { $names }
stub_note = Профиля пока нет: на этой странице собрано то, что говорят справки.
linked_from = Ссылаются
latest_n_of = Последние { $shown } из { $total }.
and_n_more = и ещё { $n }
shift_to = на
count_title = справки
count_title_both = справки, где упомянуты оба
see_it_now = Посмотреть, как сейчас
now = Сейчас
entity_briefings_heading = Справки, где упомянуто: { $name }
briefings_empty = Справок пока нет.
source_retracted_on = отозван { $date }
source_graded_title = Оценка { $grade }: { $label }
source_with_publisher = { $title } ({ $publisher })
stance_on_topic = { $actor } по теме «{ $topic }»: { $position }
stance_on_topic_quoted = { $actor } по теме «{ $topic }»: { $position } — { $quote }

## Навигационная цепочка, страницы, содержание

crumbs_label = Навигационная цепочка
crumbs_home = Главная
pager_label = Страницы
pager_first = Первая
pager_previous = Предыдущая
pager_next = Следующая
pager_last = Последняя
pager_page = Страница { $n }
toc_label = Содержание

## Таблицы позиций и легенда

positions_now = Позиция сейчас
positions_history = История
positions_history_hint = сначала давние
positions_last_change = Последнее изменение
positions_changed_on = изменилась { $date }
positions_no_change = без изменений
history_label = История, сначала давние
history_earlier = +{ $n } { $n ->
    [one] более давняя
    [few] более давние
    [many] более давних
   *[other] более давние
}
history_mark_title = { $date }: { $position } — { $title }
history_mark_grade = (источник { $grade })
history_mark_retracted = (источник отозван)
history_mark_as_of = (см. таблицу на тот день)
history_mark_text = { $date }: { $position }
history_mark_text_grade = , оценка источника { $grade }
history_mark_text_retracted = , источник отозван
legend_label = Позиции
tally_count_supports = { $n } за
tally_count_opposes = { $n } против
tally_count_mixed = { $n } неоднозначно
tally_count_neutral = { $n } нейтрально
tally_count_unclear = { $n } неясно
evidence_grade_title = Оценка источника { $grade }: { $label }
evidence_retracted = источник отозван { $date }
evidence_unsourced = без источника
evidence_single_source = единственный источник
evidence_paraphrase = только пересказ
data_links_intro = Данные для аналитиков:
data_links_stances = все позиции (CSV)
data_links_entities = действующие лица, места и темы (JSON)
data_links_graph = кто с кем упоминается (JSON)

## Диаграммы и карты

stance_chart_caption = Каждая отметка — позиция, поставленная на дату своей справки (где позиции теснятся, одна отметка показывает позицию большинства); форма и цвет передают позицию.
sparkline_caption = Справки за { $unit ->
    [week] неделю
   *[month] месяц
}, { $first } – { $last } (не более { $max })
sparkline_caption_one = Справки за { $unit ->
    [week] неделю
   *[month] месяц
}, { $first } (не более { $max })
network_caption = Круги: справки, где упомянуто каждое действующее лицо; линии: справки, где упомянуты оба.
network_caption_link = Сеть самых упоминаемых действующих лиц
network_node_label = { $name }: упоминается в { $n ->
    [one] { $n } справке
   *[other] { $n } справках
}
locator_caption = Расположение: { $name }
locator_caption_shown_at = Расположение: { $name }, показано в точке { $place }
locator_caption_dots = ; точки: места в его пределах
world_map_marker = { $name }: { $n ->
    [one] { $n } справка
    [few] { $n } справки
    [many] { $n } справок
   *[other] { $n } справки
}
world_map_shown_at = (показано в точке { $place })
world_map_caption = Места по числу упоминающих их справок: чем больше круг, тем больше справок.
world_map_caption_capped = Места по числу упоминающих их справок: чем больше круг, тем больше справок ({ $shown } самых упоминаемых из { $total } мест с координатами).
calibration_axis = Заявленная вероятность
calibration_caption = Заявленная вероятность (по горизонтали) в сравнении с тем, как часто оценки сбывались (по вертикали); каждый круг — уровень вероятности, его размер и подпись соответствуют числу оценок. На диагонали уровень сбывается так часто, как заявляет. В таблице ниже те же числа.

## Главная страница

home_latest = Последние справки
home_all_briefings = { $n ->
    [one] Все справки ({ $n })
    [few] Все { $n } справки
    [many] Все { $n } справок
   *[other] Все { $n } справки
}
home_by_month = по месяцам в хронологии
home_empty = Справки — это файлы Markdown в { $folder }: { $command } создаёт новую.
home_example_title = Заголовок
home_changes = Позиции, которые изменились
home_more_changes = ещё { $n } по теме «{ $topic }»
home_top_actors = Самые упоминаемые действующие лица
home_top_places = Самые упоминаемые места

## Справка

briefing_embargoed_until = Эмбарго до { $date }
briefing_embargo_note = { $until }: до этого времени не входит в опубликованные сборки.
briefing_expired_on = Срок истёк { $date }
briefing_expired_note = { $expired }: с тех пор не входит в опубликованные сборки.
briefing_updated = обновлено { $date }
briefing_draft = Черновик
briefing_by = Авторы: { $names }
briefing_reviewed_by = Рецензенты: { $names }
briefing_also_reviewed_by = рецензенты: { $names }
briefing_assessed = Оценено: { $confidence }
briefing_retracted_source = Отозванный источник
briefing_retracted_banner = { $label }: { $source } отозван { $date }. Позиции, опирающиеся на него, зачёркнуты.
briefing_retracted_banner_note = { $label }: { $source } отозван { $date }: { $note } Позиции, опирающиеся на него, зачёркнуты.
briefing_correction = Исправление
briefing_correction_box = { $label } от { $date }: { $text }
briefing_key_judgments = Ключевые оценки
judgment_on = по теме { $topic }
judgment_answer_no = (ответ — нет)
briefing_at_a_glance = Коротко
briefing_then = (тогда { $name })
briefing_stances = Позиции
stances_on = Тема
stances_position = Позиция
stances_said = Что было сказано
stances_said_short = Сказано
stances_voiced_by = озвучено: { $name }
stances_voiced_by_role = озвучено: { $name }, { $role }
stances_source_label = Источник { $n }
briefing_sources = Источники
briefing_about_source = об этом источнике
corrections_heading = Исправления и обновления
briefing_all_corrections = Все исправления на сайте
briefing_related = Связанные справки
related_links_here = ссылается сюда
related_shares = тоже упоминает: { $names }
related_shares_more = тоже упоминает: { $names } и ещё { $n }

## Списки справок, теги, хронология, исправления

briefings_newest_first = Сначала новые
briefings_range = { $first }–{ $last } из { $n }
briefings_heading = Все справки
tag_heading = Тег «{ $name }»
tags_empty = Тегов пока нет.
timeline_years = Годы
timeline_continued = продолжение
timeline_change = { $actor } по теме { $topic }: { $change }
corrections_lede = Последние исправления и обновления справок, сначала новые.
corrections_feed = Лента

## Действующие лица, места, авторы

actor_affiliated_with = Связан с { $actor }
actor_over_time = Должности и принадлежность во времени
actor_roles = Должности
actor_affiliations = Принадлежность
actor_names = Названия
actor_positions = Позиции по темам
actor_positions_capped = { $shown } тем с наибольшим числом позиций, из { $total }.
actor_compare = Сравнить с
actor_compare_note = Тема за темой: в чём они согласны, в чём расходятся и с какого времени.
actor_voiced = Позиции, озвученные от имени других
actor_members = Связанные действующие лица
actor_co_actors = Упоминаются вместе
place_in = в составе: { $place }
place_coordinates = Координаты:
place_osm = Карта на OpenStreetMap
place_names_over_time = Названия во времени
place_within = Места в пределах: { $name }
place_actors = Действующие лица здесь
author_stub_note = Профиля пока нет: на этой странице собраны справки, подписанные этим именем.
author_briefings_heading = Справки автора: { $name }
author_reviewed_heading = Рецензировано: { $name }
entities_network_note = { $link }: самые упоминаемые действующие лица на схеме.
entities_no_profile = без профиля
entities_none = Пока ничего.

## Тема

topic_named_in = упоминается в { $n ->
    [one] { $n } справке
   *[other] { $n } справках
}
topic_stale = Давно без обновлений
topic_stale_note = Ни одной справки с { $since } (редакция считает тему устаревшей через { $n } дней).
topic_resolution = Развязка
topic_resolved = Решено { $date }: { $outcome }
topic_fared = Как оправдались оценки редакции
topic_scored = Оценено: { $n }.
topic_scored_brier = Оценено: { $n }, средний показатель Брайера { $brier } (0 — идеально, 0,25 — результат того, кто всегда говорит 50 %).
topic_later = Оценки, сделанные после решения вопроса, приведены, но не учтены.
topic_track_record_link = Точность прогнозов редакции
topic_judgments_caption = Оценки по этому вопросу, сначала давние
topic_no_judgment = Ни одна справка не давала оценки по этому вопросу.
topic_matrix = Кто какую позицию занимает
topic_matrix_capped = { $shown } действующих лиц с наибольшим числом позиций, из { $total }.
topic_no_stances = Позиций пока не зафиксировано.
topic_stances_over_time = Позиции во времени
topic_briefings_heading = Справки по теме «{ $name }»
scored_briefing = Справка
scored_judgment = Оценка
scored_question = Вопрос
scored_likelihood = Вероятность
scored_answer = Ответ
scored_came_true = Сбылось
scored_brier = Показатель Брайера
scored_not_counted = не учтено: сделано после решения вопроса

## Тема или действующее лицо на определённый день

as_of_kicker = на { $date }, изменение { $n } из { $count }
as_of_heading = { $name } на { $date }
as_of_lede = Положение на конец дня { $date } по справкам, датированным этим днём или раньше. { $now }.
as_of_changes_label = Изменения
as_of_unpaged = { $n ->
    [one] { $n } более ранний день изменений: см. справки
    [few] { $n } более ранних дня изменений: см. справки
    [many] { $n } более ранних дней изменений: см. справки
   *[other] { $n } более ранних дня изменений: см. справки
}
as_of_first = Первое изменение
as_of_latest = Последнее изменение
as_of_matrix_topic = Кто какую позицию занимал
as_of_capped = { $shown } с наибольшим числом позиций на тот момент, из { $total }.
as_of_position_then = Позиция тогда
as_of_changes = Изменения того дня
as_of_change = { $name }: { $from } → { $to }
as_of_change_first = { $name } занимает позицию: { $to }
as_of_change_in = в справке { $briefing }

## Кто с кем согласен, сравнение двух действующих лиц

alignment_as_of = на конец периода { $month }
alignment_lede = Для каждой пары действующих лиц — доля тем, по которым у обоих есть чёткая позиция и эта позиция совпадает, по последней позиции каждого по каждой теме. Тех, кто держится вместе, поместили рядом.
alignment_lede_month = Для каждой пары действующих лиц — доля тем, по которым у обоих есть чёткая позиция и эта позиция совпадает, по позициям из справок, датированных до последнего дня периода { $month }. { $now }. Тех, кто держится вместе, поместили рядом.
alignment_snapshots = Срезы
alignment_first = Первый срез
alignment_latest = Последний
alignment_matrix = Согласие между действующими лицами
alignment_capped = { $shown } действующих лиц с позициями по наибольшему числу тем, из { $total }, у которых есть общая тема с кем-то ещё.
alignment_table_label = Таблица согласия, прокручивается вбок
alignment_caption = Согласие в процентах общих тем; пусто — общих тем нет. Каждая пара встречается один раз. Число-ссылка открывает сравнение пары.
alignment_colours = Цвета
alignment_none = На тот момент ни у каких двух действующих лиц не было общей темы.
alignment_pairs = Сравнённые пары
alignment_pairs_note = Пары, которые чаще всего упоминаются вместе, тема за темой.
alignment_months = Месяц за месяцем
alignment_months_note = Каждый — на конец месяца.
compare_since = С какого времени
compare_no_stance = без позиции
compare_agree_count = { $agree } из { $shared }
compare_agree = Они согласны по { $count } { $shared ->
    [one] общей теме
   *[other] общим темам
} ({ $percent } %), по последней позиции каждого.
compare_none_shared = У них нет общей темы, по которой у обоих есть чёткая позиция, по последней позиции каждого.
compare_together = Упоминаются вместе в { $n ->
    [one] { $n } справке.
   *[other] { $n } справках.
}
compare_differ = В чём расходятся
compare_agreed = В чём согласны
compare_one_sided = Чёткая позиция только у одного
compare_listed = Приведено { $listed } из { $total } тем, по которым кто-то из них высказался.
compare_alignment_note = { $link }: все пары действующих лиц.

## Сеть действующих лиц

network_heading = Сеть действующих лиц
network_lede_capped = { $shown } самых упоминаемых из { $total } действующих лиц и кто с кем среди них упоминается.
network_lede = Все действующие лица ({ $total }) и кто с кем среди них упоминается.
network_none = Ни одна справка пока не упоминает действующих лиц.
network_pairs = Чаще всего упоминаются вместе
network_col_actors = Действующие лица
network_col_both = Справки, где упомянуты оба
network_most_named = Самые упоминаемые действующие лица

## Источники

source_graded = Оценка { $grade }: { $label }.
source_retracted = Отозван
source_retracted_banner = { $label } { $date }. Позиции, опирающиеся на него, зачёркнуты с этого дня.
source_retracted_banner_note = { $label } { $date }: { $note } Позиции, опирающиеся на него, зачёркнуты с этого дня.
source_read = Читать источник
source_stances = Позиции, опирающиеся на него
source_stance_quoted = { $stance }: «{ $quote }»
source_briefings = Справки, ссылающиеся на него
source_none = Нет.
sources_lede = На чём основаны позиции, зафиксированные на этом сайте ({ $n }). Оценки следуют шкале сайта: буква — надёжность источника, цифра — достоверность сообщённого.
sources_rest_on = На чём основаны позиции
sources_reliability = Надёжность источника
sources_stances = Позиции
sources_not_graded = Без оценки
sources_no_source = Без источника
sources_single = { $count } { $n ->
    [one] опирается
   *[other] опираются
} на единственный источник (никакой другой источник не подтверждает позицию того же действующего лица по теме)
sources_paraphrase = { $count } { $n ->
    [one] не имеет
   *[other] не имеют
} прямой цитаты или содержат лишь пересказ
sources_retracted = { $count } { $n ->
    [one] опирается
   *[other] опираются
} на отозванный источник
sources_on_file = Источники в реестре
sources_source = Источник
sources_grade = Оценка
sources_not_graded_short = без оценки

## Точность прогнозов

track_record_lede = Как оправдались ключевые оценки редакции по вопросам, которые уже решены. Каждая оценка измерена показателем Брайера — квадратом расстояния между заявленной вероятностью и тем, что произошло (1, если сбылось, 0 — если нет): 0 — безупречный прогноз, 0,25 — результат того, кто всегда говорит 50 %, 1 — худший.
track_record_scores = Показатели
track_record_desk = Редакция: { $score } по { $n ->
    [one] { $n } оценке.
   *[other] { $n } оценкам.
}
track_record_desk_later = Редакция: { $score } по { $n ->
    [one] { $n } оценке
   *[other] { $n } оценкам
}; { $later ->
    [one] { $later } оценка, сделанная после решения вопроса, не учтена.
    [few] { $later } оценки, сделанные после решения вопроса, не учтены.
   *[other] { $later } оценок, сделанных после решения вопроса, не учтено.
}
track_record_by_author = По авторам (оценка засчитывается каждому автору её справки)
track_record_judgments = Оценки
track_record_mean_brier = Средний показатель Брайера
track_record_calibration = Калибровка
track_record_levels_label = Калибровка по уровням, таблица прокручивается вбок
track_record_levels_caption = Учтённые оценки по уровням вероятности
track_record_band = Диапазон
track_record_stated = Заявлено, в среднем
track_record_observed = Наблюдалось
track_record_scored = Учтённые оценки
track_record_scored_caption = Учтённые оценки, сначала новые

## Страница не найдена

not_found_heading = Страница не найдена
not_found_text = По этому адресу страницы нет. Попробуйте { $latest }, { $timeline } или { $search }.
not_found_latest = последние справки
not_found_timeline = хронологию
not_found_search = поиск
