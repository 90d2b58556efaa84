language_name = Українська
language_switcher = Мови
language_page_in = Ця сторінка мовою: { $language }
