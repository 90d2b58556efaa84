# The language's name in itself, for the language switcher of multilingual sites.
language_name = English
language_switcher = Languages
language_page_in = This page in { $language }
