language_name = Deutsch
language_switcher = Sprachen
language_page_in = Diese Seite auf { $language }
