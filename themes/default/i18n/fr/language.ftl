language_name = Français
language_switcher = Langues
language_page_in = Cette page en { $language }
