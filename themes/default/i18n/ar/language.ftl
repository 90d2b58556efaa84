language_name = العربية
language_switcher = اللغات
language_page_in = هذه الصفحة باللغة: { $language }
