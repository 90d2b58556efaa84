# Слова, которые движок пишет на страницах, в лентах и карточках для соцсетей.
# Назначение каждого сообщения описано в en/engine.ftl.

stance_supports = поддерживает
stance_opposes = против
stance_mixed = неоднозначно
stance_neutral = нейтрально
stance_unclear = неясно

tally_supports = { $n ->
    [one] поддерживает
    [few] поддерживают
    [many] поддерживают
   *[other] поддерживают
}
tally_opposes = против
tally_mixed = неоднозначно
tally_neutral = нейтрально
tally_unclear = неясно

kind_actor = Участник
kind_place = Место
kind_topic = Тема
kind_author = Автор
kind_actors = Участники
kind_places = Места
kind_topics = Темы
kind_authors = Авторы

likelihood_almost_no_chance = практически исключено
likelihood_very_unlikely = крайне маловероятно
likelihood_unlikely = маловероятно
likelihood_roughly_even_chance = шансы примерно равны
likelihood_likely = вероятно
likelihood_very_likely = весьма вероятно
likelihood_almost_certain = почти наверняка
confidence_low = низкая
confidence_moderate = умеренная
confidence_high = высокая
answer_yes = да
answer_no = нет

number_percent = { $value } %
number_percent_band = { $low }–{ $high } %

page_title_paged = { $title }, страница { $n } из { $count }
page_title_all_briefings = Все сводки
page_title_timeline = Хронология
page_title_tags = Теги
page_title_tagged = Тег «{ $tag }»
page_title_search = Поиск
page_description_search = Поиск по сводкам сайта «{ $site }»
page_title_not_found = Страница не найдена
page_title_corrections = Исправления и обновления
page_title_network = Сеть участников
page_description_network = Кто упоминается вместе с кем: самые упоминаемые участники и пары, которые чаще всего упоминаются вместе
page_description_role = { $name }: { $role }
page_title_as_of = { $name } на { $date }
page_description_as_of_topic = Кто какую позицию занимал по теме «{ $name }» на конец дня { $date }
page_description_as_of_actor = Позиции участника «{ $name }» на конец дня { $date }
page_title_alignment = Кто с кем согласен
page_description_alignment = Как часто каждая пара участников занимает одну и ту же позицию по темам, по которым у обоих есть позиция
page_title_alignment_month = Кто с кем был согласен: { $month }
page_description_alignment_month = Как часто каждая пара участников занимала одну и ту же позицию — по заявлениям, датированным до конца периода: { $month }
page_title_compare = Сравнение: { $a } и { $b }
page_description_compare = В чём { $a } и { $b } согласны и в чём расходятся, тема за темой, и с какого времени
page_title_track_record = Точность оценок
page_description_track_record = Как ключевые оценки редакции выдержали проверку по вопросам, которые уже решены
page_title_sources = Источники
page_description_sources = На чём основаны утверждения этого сайта.
page_description_source = Что опирается на источник «{ $title }».
crumb_timeline = Хронология
crumb_tags = Теги
crumb_alignment = Кто с кем согласен
crumb_sources = Источники

period_range = { $from } – { $to }
period_since = с { $from }
period_until = до { $to }

coords = { $lat }° { $ns }, { $lon }° { $ew }
coords_north = с. ш.
coords_south = ю. ш.
coords_east = в. д.
coords_west = з. д.
map_locator_summary = Карта местности с отметкой: { $name }
map_locator_summary_parent = Карта местности с отметкой: { $shown }. У объекта «{ $name }» нет собственных координат
map_world_summary = Карта мира: { $n ->
    [one] { $n } место
    [few] { $n } места
    [many] { $n } мест
   *[other] { $n } места
}; каждое отмечено кругом, площадь которого растёт с числом упоминающих его сводок
map_world_summary_most = Карта мира: { $n ->
    [one] { $n } место
    [few] { $n } места
    [many] { $n } мест
   *[other] { $n } места
}; каждое отмечено кругом, площадь которого растёт с числом упоминающих его сводок (самые упоминаемые из { $total })

network_ego_summary = { $name } и те, кто чаще всего упоминается вместе (участников: { $n }); линия соединяет двух участников, упомянутых в одних и тех же сводках, и тем толще, чем чаще
network_site_summary = Самые упоминаемые участники (всего: { $n }); линия соединяет двух из них, упомянутых в одних и тех же сводках, и тем толще, чем чаще (пар: { $pairs })

chart_stance_summary = График истории позиций: { $actors ->
    [one] { $actors } участник
    [few] { $actors } участника
    [many] { $actors } участников
   *[other] { $actors } участника
}, { $stances ->
    [one] { $stances } заявление
    [few] { $stances } заявления
    [many] { $stances } заявлений
   *[other] { $stances } заявления
} { $period }. Таблица содержит те же позиции в виде текста.
chart_stance_period_day = за { $date }
chart_stance_period = с { $from } по { $to }
chart_mark_title = { $date }: { $position } — { $title }
chart_week_of = неделя с { $date }
chart_bar_title = { $period }: { $n ->
    [one] { $n } сводка
    [few] { $n } сводки
    [many] { $n } сводок
   *[other] { $n } сводки
}
chart_activity_summary = Сводки по { $unit ->
    [week] неделям
   *[month] месяцам
}, { $first } – { $last }: всего { $total }, больше всего — { $busiest } ({ $count }).
chart_calibration_point = { $likelihood }: { $n ->
    [one] { $n } оценка
    [few] { $n } оценки
    [many] { $n } оценок
   *[other] { $n } оценки
}, сбылось { $percent }
chart_calibration_summary = Калибровка оценок (учтено: { $n }) по уровням вероятности (их { $levels }): заявленная вероятность против того, как часто оценки сбывались; диагональ — идеальная калибровка

alignment_cell_none = нет общих тем
alignment_cell = согласны по { $agree } из { $shared ->
    [one] { $shared } темы
    [few] { $shared } тем
    [many] { $shared } тем
   *[other] { $shared } темы
} ({ $percent })
alignment_cell_label = { $a } и { $b }: { $cell }

grade_reliability_a = Полностью надёжный
grade_reliability_b = Обычно надёжный
grade_reliability_c = Довольно надёжный
grade_reliability_d = Обычно ненадёжный
grade_reliability_e = Ненадёжный
grade_reliability_f = Надёжность оценить нельзя
grade_credibility_1 = Подтверждено другими источниками
grade_credibility_2 = Вероятно, верно
grade_credibility_3 = Возможно, верно
grade_credibility_4 = Сомнительно
grade_credibility_5 = Неправдоподобно
grade_credibility_6 = Достоверность оценить нельзя
grade_label = { $reliability }; { $credibility }
grade_label_reliability_only = { $reliability }; достоверность не оценена
grade_label_credibility_only = Надёжность не оценена; { $credibility }
grade_no_reliability = Надёжность не указана

feed_title_entity = { $name } — { $site }
feed_title_tag = Тег «{ $tag }» — { $site }
feed_title_corrections = Исправления — { $site }
feed_title_changes = Изменения позиций — { $site }
feed_title_changes_of = { $name }: изменения позиций — { $site }
feed_correction_summary = Исправление: { $text }
feed_change_summary = «{ $quote }» — { $title }

change_sentence = { $actor }: { $change } ({ $topic }), { $date }
change_from_to = { $from } → { $to }
change_first = занимает позицию: { $to }
change_per = { $sentence }, со слов: { $by }
change_source = { $sentence } [{ $source }]

card_alt = { $title } — { $site }, { $date }

redirect_title = Перемещено: { $title }
redirect_heading = Страница перемещена
redirect_text = Эта страница теперь находится здесь: { $link }.
body_footnote_back = Вернуться к тексту
body_task_done = выполнено
body_task_not_done = не выполнено
