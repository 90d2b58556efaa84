language_name = Русский
language_switcher = Языки
language_page_in = Эта страница на языке: { $language }
