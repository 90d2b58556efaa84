language_name = Español
language_switcher = Idiomas
language_page_in = Esta página en { $language }
