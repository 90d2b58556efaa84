# Die Suchseite und was ihr Skript sagt (siehe en/search.ftl).

search_title = Suche
search_label = Jedes Wort jedes Lageberichts durchsuchen, dazu Namen, andere Schreibweisen und Schlagwörter; eine Wortgruppe in „Anführungszeichen“ setzen
search_button = Suchen
search_narrow = Eingrenzen
search_actor = Akteur
search_any_actor = Alle Akteure
search_place = Ort
search_any_place = Alle Orte
search_topic = Thema
search_any_topic = Alle Themen
search_tag = Schlagwort
search_any_tag = Alle Schlagwörter
search_from = Von
search_to = Bis
search_noscript = Die Suche braucht JavaScript. Ohne JavaScript helfen diese Listen weiter:
search_entities_label = Akteure, Orte und Themen
search_more = Weitere Ergebnisse zeigen
search_further = Weitersuchen
search_loading = Der Index wird geladen…
search_failed = Der Suchindex konnte nicht geladen werden.
search_stale = Der Suchindex hat sich seit dem Laden dieser Seite geändert: Laden Sie die Seite neu, um zu suchen.
search_found = { $n ->
    [0] Kein Lagebericht gefunden.
    [one] { $n } Lagebericht gefunden.
   *[other] { $n } Lageberichte gefunden.
}
search_phrase = Mindestens { $found } mit der genauen Wortgruppe gefunden; { $checked } von { $total } Lageberichten mit allen ihren Wörtern bisher geprüft.
search_rough = Sortiert, als stünde die Wortgruppe im Text.
search_completed = Das letzte Wort wurde zu seinen häufigsten Fortsetzungen ergänzt: weitertippen, um einzugrenzen.
search_cut = { $n ->
    [one] Nur das erste Wort wurde gesucht.
   *[other] Nur die ersten { $n } Wörter wurden gesucht.
}
search_count = { $n ->
    [one] { $n } Lagebericht
   *[other] { $n } Lageberichte
}
search_kind_actor = Akteur
search_kind_place = Ort
search_kind_topic = Thema
search_kind_author = Autor
