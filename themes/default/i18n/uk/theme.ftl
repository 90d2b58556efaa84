skip_to_content = Перейти до змісту
nav_sections = Розділи
nav_briefings = Огляди
nav_timeline = Хронологія
nav_actors = Учасники
nav_places = Місця
nav_topics = Теми
nav_authors = Автори
nav_tags = Мітки
nav_search = Пошук
briefing_count = { $n ->
    [one] { $n } огляд
    [few] { $n } огляди
   *[many] { $n } оглядів
}
