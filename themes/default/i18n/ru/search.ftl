# Страница поиска и то, что показывает её скрипт (см. en/search.ftl). Числа: one (1, 21,
# 31…), few (2–4, 22–24…), many (0, 5–20, 25–30…), other (дроби).

search_title = Поиск
search_label = Ищите любое слово любого обзора, а также имена, другие написания имён и теги; точную фразу возьмите в «кавычки»
search_button = Искать
search_narrow = Уточнить
search_actor = Участник
search_any_actor = Все участники
search_place = Место
search_any_place = Все места
search_topic = Тема
search_any_topic = Все темы
search_tag = Тег
search_any_tag = Все теги
search_from = С
search_to = По
search_noscript = Для поиска нужен JavaScript. Без него просматривайте списки:
search_entities_label = Участники, места и темы
search_more = Показать ещё результаты
search_further = Искать дальше
search_loading = Загрузка индекса…
search_failed = Не удалось загрузить поисковый индекс.
search_stale = Поисковый индекс изменился после загрузки этой страницы: перезагрузите её, чтобы искать.
search_found = { $n ->
    [0] Ничего не найдено.
    [one] Найден { $n } обзор.
    [few] Найдено { $n } обзора.
    [many] Найдено { $n } обзоров.
   *[other] Найдено { $n } обзора.
}
search_phrase = Точная фраза: найдено не менее { $found }; проверено обзоров со всеми её словами: { $checked } из { $total }.
search_rough = Упорядочено так, будто фраза есть в тексте.
search_completed = Последнее слово дополнено самыми частыми словами, которые с него начинаются: допишите, чтобы уточнить.
search_cut = { $n ->
    [1] Учтено только первое слово запроса.
    [one] Учтены только первые { $n } слово запроса.
    [few] Учтены только первые { $n } слова запроса.
    [many] Учтены только первые { $n } слов запроса.
   *[other] Учтены только первые { $n } слова запроса.
}
search_count = { $n ->
    [one] { $n } обзор
    [few] { $n } обзора
    [many] { $n } обзоров
   *[other] { $n } обзора
}
search_kind_actor = участник
search_kind_place = место
search_kind_topic = тема
search_kind_author = автор
