skip_to_content = Перейти к содержанию
nav_sections = Разделы
nav_briefings = Обзоры
nav_timeline = Хронология
nav_actors = Участники
nav_places = Места
nav_topics = Темы
nav_authors = Авторы
nav_tags = Метки
nav_search = Поиск
briefing_count = { $n ->
    [one] { $n } обзор
    [few] { $n } обзора
   *[many] { $n } обзоров
}
