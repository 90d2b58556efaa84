# Слова, які рушій пише на сторінках, у стрічках і картках для соцмереж.
# Призначення кожного повідомлення описано в en/engine.ftl.

stance_supports = підтримує
stance_opposes = проти
stance_mixed = неоднозначно
stance_neutral = нейтрально
stance_unclear = неясно

tally_supports = { $n ->
    [one] підтримує
    [few] підтримують
    [many] підтримують
   *[other] підтримують
}
tally_opposes = проти
tally_mixed = неоднозначно
tally_neutral = нейтрально
tally_unclear = неясно

kind_actor = Учасник
kind_place = Місце
kind_topic = Тема
kind_author = Автор
kind_actors = Учасники
kind_places = Місця
kind_topics = Теми
kind_authors = Автори

likelihood_almost_no_chance = практично виключено
likelihood_very_unlikely = дуже малоймовірно
likelihood_unlikely = малоймовірно
likelihood_roughly_even_chance = шанси приблизно рівні
likelihood_likely = імовірно
likelihood_very_likely = дуже ймовірно
likelihood_almost_certain = майже напевно
confidence_low = низька
confidence_moderate = помірна
confidence_high = висока
answer_yes = так
answer_no = ні

number_percent = { $value }%
number_percent_band = { $low }–{ $high }%

page_title_paged = { $title }, сторінка { $n } з { $count }
page_title_all_briefings = Усі зведення
page_title_timeline = Хронологія
page_title_tags = Теги
page_title_tagged = Тег «{ $tag }»
page_title_search = Пошук
page_description_search = Пошук у зведеннях сайту «{ $site }»
page_title_not_found = Сторінку не знайдено
page_title_corrections = Виправлення та оновлення
page_title_network = Мережа учасників
page_description_network = Хто згадується разом із ким: учасники, яких згадують найчастіше, і пари, які найчастіше згадують разом
page_description_role = { $name }: { $role }
page_title_as_of = { $name } станом на { $date }
page_description_as_of_topic = Хто яку позицію займав щодо теми «{ $name }» на кінець дня { $date }
page_description_as_of_actor = Позиції учасника «{ $name }» на кінець дня { $date }
page_title_alignment = Хто з ким погоджується
page_description_alignment = Як часто кожна пара учасників займає однакову позицію в темах, щодо яких обидва мають позицію
page_title_alignment_month = Хто з ким погоджувався: { $month }
page_description_alignment_month = Як часто кожна пара учасників займала однакову позицію — за заявами, датованими до кінця періоду: { $month }
page_title_compare = Порівняння: { $a } і { $b }
page_description_compare = У чому { $a } і { $b } погоджуються, а в чому розходяться, тема за темою, і відколи
page_title_track_record = Точність оцінок
page_description_track_record = Як ключові оцінки редакції витримали перевірку в питаннях, які вже вирішено
page_title_sources = Джерела
page_description_sources = На чому ґрунтуються твердження цього сайту.
page_description_source = Що спирається на джерело «{ $title }».
crumb_timeline = Хронологія
crumb_tags = Теги
crumb_alignment = Хто з ким погоджується
crumb_sources = Джерела

period_range = { $from } – { $to }
period_since = з { $from }
period_until = до { $to }

coords = { $lat }° { $ns }, { $lon }° { $ew }
coords_north = пн. ш.
coords_south = пд. ш.
coords_east = сх. д.
coords_west = зх. д.
map_locator_summary = Карта місцевості з позначкою: { $name }
map_locator_summary_parent = Карта місцевості з позначкою: { $shown }. Для «{ $name }» немає власних координат
map_world_summary = Карта світу: { $n ->
    [one] { $n } місце
    [few] { $n } місця
    [many] { $n } місць
   *[other] { $n } місця
}; кожне позначено колом, площа якого зростає з кількістю зведень, що його згадують
map_world_summary_most = Карта світу: { $n ->
    [one] { $n } місце
    [few] { $n } місця
    [many] { $n } місць
   *[other] { $n } місця
}; кожне позначено колом, площа якого зростає з кількістю зведень, що його згадують (найчастіше згадувані з { $total })

network_ego_summary = { $name } і ті, кого найчастіше згадують разом (учасників: { $n }); лінія з’єднує двох учасників, згаданих в одних і тих самих зведеннях, і тим товща, чим частіше
network_site_summary = Учасники, яких згадують найчастіше (усього: { $n }); лінія з’єднує двох із них, згаданих в одних і тих самих зведеннях, і тим товща, чим частіше (пар: { $pairs })

chart_stance_summary = Графік історії позицій: { $actors ->
    [one] { $actors } учасник
    [few] { $actors } учасники
    [many] { $actors } учасників
   *[other] { $actors } учасника
}, { $stances ->
    [one] { $stances } заява
    [few] { $stances } заяви
    [many] { $stances } заяв
   *[other] { $stances } заяви
} { $period }. Таблиця містить ті самі позиції у вигляді тексту.
chart_stance_period_day = за { $date }
chart_stance_period = з { $from } по { $to }
chart_mark_title = { $date }: { $position } — { $title }
chart_week_of = тиждень з { $date }
chart_bar_title = { $period }: { $n ->
    [one] { $n } зведення
    [few] { $n } зведення
    [many] { $n } зведень
   *[other] { $n } зведення
}
chart_activity_summary = Зведення за { $unit ->
    [week] тижнями
   *[month] місяцями
}, { $first } – { $last }: усього { $total }, найбільше — { $busiest } ({ $count }).
chart_calibration_point = { $likelihood }: { $n ->
    [one] { $n } оцінка
    [few] { $n } оцінки
    [many] { $n } оцінок
   *[other] { $n } оцінки
}, справдилося { $percent }
chart_calibration_summary = Калібрування оцінок (ураховано: { $n }) за рівнями ймовірності (їх { $levels }): заявлена ймовірність проти того, як часто оцінки справджувалися; діагональ — ідеальне калібрування

alignment_cell_none = немає спільних тем
alignment_cell = згодні в { $agree } з { $shared ->
    [one] { $shared } теми
    [few] { $shared } тем
    [many] { $shared } тем
   *[other] { $shared } теми
} ({ $percent })
alignment_cell_label = { $a } і { $b }: { $cell }

grade_reliability_a = Цілком надійне
grade_reliability_b = Зазвичай надійне
grade_reliability_c = Досить надійне
grade_reliability_d = Зазвичай ненадійне
grade_reliability_e = Ненадійне
grade_reliability_f = Надійність неможливо оцінити
grade_credibility_1 = Підтверджено іншими джерелами
grade_credibility_2 = Імовірно, правдиве
grade_credibility_3 = Можливо, правдиве
grade_credibility_4 = Сумнівне
grade_credibility_5 = Неправдоподібне
grade_credibility_6 = Достовірність неможливо оцінити
grade_label = { $reliability }; { $credibility }
grade_label_reliability_only = { $reliability }; достовірність не оцінено
grade_label_credibility_only = Надійність не оцінено; { $credibility }
grade_no_reliability = Надійність не вказано

feed_title_entity = { $name } — { $site }
feed_title_tag = Тег «{ $tag }» — { $site }
feed_title_corrections = Виправлення — { $site }
feed_title_changes = Зміни позицій — { $site }
feed_title_changes_of = { $name }: зміни позицій — { $site }
feed_correction_summary = Виправлення: { $text }
feed_change_summary = «{ $quote }» — { $title }

change_sentence = { $actor }: { $change } ({ $topic }), { $date }
change_from_to = { $from } → { $to }
change_first = займає позицію: { $to }
change_per = { $sentence }, зі слів: { $by }
change_source = { $sentence } [{ $source }]

card_alt = { $title } — { $site }, { $date }

redirect_title = Переміщено: { $title }
redirect_heading = Сторінку переміщено
redirect_text = Ця сторінка тепер розташована тут: { $link }.
body_footnote_back = Повернутися до тексту
body_task_done = виконано
body_task_not_done = не виконано
