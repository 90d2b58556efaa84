# Сторінка пошуку і те, що показує її скрипт (див. en/search.ftl). Числа: one (1, 21, 31…),
# few (2–4, 22–24…), many (0, 5–20, 25–30…), other (дроби).

search_title = Пошук
search_label = Шукайте кожне слово кожного огляду, а також імена, інші написання імен і теги; точну фразу візьміть у «лапки»
search_button = Шукати
search_narrow = Уточнити
search_actor = Учасник
search_any_actor = Усі учасники
search_place = Місце
search_any_place = Усі місця
search_topic = Тема
search_any_topic = Усі теми
search_tag = Тег
search_any_tag = Усі теги
search_from = Від
search_to = До
search_noscript = Для пошуку потрібен JavaScript. Без нього переглядайте списки:
search_entities_label = Учасники, місця й теми
search_more = Показати більше результатів
search_further = Шукати далі
search_loading = Завантаження індексу…
search_failed = Не вдалося завантажити пошуковий індекс.
search_stale = Пошуковий індекс змінився після завантаження цієї сторінки: перезавантажте її, щоб шукати.
search_found = { $n ->
    [0] Нічого не знайдено.
    [one] Знайдено { $n } огляд.
    [few] Знайдено { $n } огляди.
    [many] Знайдено { $n } оглядів.
   *[other] Знайдено { $n } огляду.
}
search_phrase = Точна фраза: знайдено щонайменше { $found }; перевірено оглядів з усіма її словами: { $checked } із { $total }.
search_rough = Упорядковано так, ніби фраза є в тексті.
search_completed = Останнє слово доповнено найчастішими словами, що з нього починаються: допишіть, щоб уточнити.
search_cut = { $n ->
    [1] Враховано лише перше слово запиту.
    [one] Враховано лише перші { $n } слово запиту.
    [few] Враховано лише перші { $n } слова запиту.
    [many] Враховано лише перші { $n } слів запиту.
   *[other] Враховано лише перші { $n } слова запиту.
}
search_count = { $n ->
    [one] { $n } огляд
    [few] { $n } огляди
    [many] { $n } оглядів
   *[other] { $n } огляду
}
search_kind_actor = учасник
search_kind_place = місце
search_kind_topic = тема
search_kind_author = автор
