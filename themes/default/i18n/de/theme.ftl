# Die Wörter der Vorlagen des Standardthemas, auf Deutsch (was jede Nachricht tut, steht in
# en/theme.ftl).

## Jede Seite

skip_to_content = Zum Inhalt springen
nav_sections = Rubriken
nav_briefings = Lageberichte
nav_timeline = Chronik
nav_actors = Akteure
nav_places = Orte
nav_topics = Themen
nav_authors = Autoren
nav_tags = Schlagwörter
nav_search = Suche
briefing_count = { $n ->
    [one] { $n } Lagebericht
   *[other] { $n } Lageberichte
}
feed_atom_title = { $title } (Atom)
feed_json_title = { $title } (JSON Feed)
feed_changes_atom_title = Positionswechsel (Atom)
feed_changes_json_title = Positionswechsel (JSON Feed)
footer_atom_feed = Atom-Feed
footer_sitemap = Sitemap
footer_sources = Quellen
footer_track_record = Prognosebilanz
footer_page_feed = Feed dieser Seite
alignment_link = Wer mit wem übereinstimmt
alignment_link_after = wer mit wem übereinstimmt
network_link = Wer mit wem genannt wird

## Gemeinsame Wörter

list_separator = {", "}
list_last_separator = {" und "}
pair = { $a } und { $b }
kind_briefing = Lagebericht
kind_source = Quelle
kind_tag = Schlagwort
kind_comparison = Vergleich
column_actor = Akteur
column_topic = Thema
position_supports = dafür
position_opposes = dagegen
position_mixed = gemischt
position_neutral = neutral
position_unclear = unklar
position_was = zuvor { $position }
confidence_label_low = geringe Gewissheit
confidence_label_moderate = mittlere Gewissheit
confidence_label_high = hohe Gewissheit
page_n_of = Seite { $n } von { $count }
aliases_line = Auch geschrieben: { $names }
stub_note = Noch kein Profil: Diese Seite listet auf, was die Lageberichte sagen.
linked_from = Verlinkt von
latest_n_of = Die neuesten { $shown } von { $total }.
and_n_more = und { $n } weitere
shift_to = zu
count_title = Lageberichte
count_title_both = Lageberichte, die beide nennen
see_it_now = Den aktuellen Stand ansehen
now = Heute
entity_briefings_heading = Lageberichte, die { $name } nennen
briefings_empty = Noch keine Lageberichte.
source_retracted_on = zurückgezogen am { $date }
source_graded_title = Bewertet mit { $grade }: { $label }
source_with_publisher = { $title } ({ $publisher })
stance_on_topic = { $actor } zu { $topic }: { $position }
stance_on_topic_quoted = { $actor } zu { $topic }: { $position } – { $quote }

## Brotkrümel, Seiten, Inhalt

crumbs_label = Brotkrümelnavigation
crumbs_home = Startseite
pager_label = Seitennavigation
pager_first = Erste
pager_previous = Vorherige
pager_next = Nächste
pager_last = Letzte
pager_page = Seite { $n }
toc_label = Inhalt

## Positionstabellen und Legende

positions_now = Aktuelle Position
positions_history = Verlauf
positions_history_hint = älteste zuerst
positions_last_change = Letzter Wechsel
positions_changed_on = gewechselt am { $date }
positions_no_change = unverändert
history_label = Verlauf, älteste zuerst
history_earlier = +{ $n } frühere
history_mark_title = { $date }: { $position } – { $title }
history_mark_grade = (Quelle { $grade })
history_mark_retracted = (Quelle zurückgezogen)
history_mark_as_of = (Tabelle zu diesem Tag ansehen)
history_mark_text = { $date }: { $position }
history_mark_text_grade = , Quelle bewertet mit { $grade }
history_mark_text_retracted = , Quelle zurückgezogen
legend_label = Positionen
tally_count_supports = { $n } dafür
tally_count_opposes = { $n } dagegen
tally_count_mixed = { $n } gemischt
tally_count_neutral = { $n } neutral
tally_count_unclear = { $n } unklar
evidence_grade_title = Quelle bewertet mit { $grade }: { $label }
evidence_retracted = Quelle zurückgezogen am { $date }
evidence_unsourced = ohne Quelle
evidence_single_source = einzige Quelle
evidence_paraphrase = nur sinngemäß
data_links_intro = Daten für Analysten:
data_links_stances = alle Positionsbezüge (CSV)
data_links_entities = Akteure, Orte und Themen (JSON)
data_links_graph = wer mit wem genannt wird (JSON)

## Diagramme und Karten

stance_chart_caption = Jede Markierung ist ein Positionsbezug, eingetragen am Datum seines Lageberichts (wo sich Positionsbezüge drängen, zeigt eine Markierung die Position der meisten); Form und Farbe geben die Position an.
sparkline_caption = Lageberichte pro { $unit ->
    [week] Woche
   *[month] Monat
}, { $first } – { $last } (höchstens { $max })
sparkline_caption_one = Lageberichte pro { $unit ->
    [week] Woche
   *[month] Monat
}, { $first } (höchstens { $max })
network_caption = Kreise: Lageberichte, die den jeweiligen Akteur nennen; Linien: Lageberichte, die beide nennen.
network_caption_link = Das Netzwerk der meistgenannten Akteure
network_node_label = { $name }: genannt in { $n ->
    [one] { $n } Lagebericht
   *[other] { $n } Lageberichten
}
locator_caption = Lage von { $name }
locator_caption_shown_at = Lage von { $name }, angezeigt bei { $place }
locator_caption_dots = ; Punkte: Orte darin
world_map_marker = { $name }: { $n ->
    [one] { $n } Lagebericht
   *[other] { $n } Lageberichte
}
world_map_shown_at = (angezeigt bei { $place })
world_map_caption = Orte nach der Zahl der Lageberichte, die sie nennen: Je größer der Kreis, desto mehr Lageberichte.
world_map_caption_capped = Orte nach der Zahl der Lageberichte, die sie nennen: Je größer der Kreis, desto mehr Lageberichte (die { $shown } meistgenannten von { $total } Orten mit Standort).
calibration_axis = Angegebene Wahrscheinlichkeit
calibration_caption = Angegebene Wahrscheinlichkeit (waagerecht) gegen die Häufigkeit, mit der die Einschätzungen eintrafen (senkrecht); jeder Kreis ist eine Wahrscheinlichkeitsstufe, Größe und Beschriftung geben die Zahl ihrer Einschätzungen an. Auf der Diagonale trifft eine Stufe so oft ein, wie sie angibt. Die Tabelle darunter enthält dieselben Zahlen.

## Startseite

home_latest = Neueste Lageberichte
home_all_briefings = { $n ->
    [one] Der einzige Lagebericht
   *[other] Alle { $n } Lageberichte
}
home_by_month = nach Monaten in der Chronik
home_empty = Lageberichte sind Markdown-Dateien in { $folder }: { $command } legt einen an.
home_example_title = Ein Titel
home_changes = Positionswechsel
home_more_changes = { $n } weitere zu { $topic }
home_top_actors = Meistgenannte Akteure
home_top_places = Meistgenannte Orte

## Lagebericht

briefing_embargoed_until = Sperrfrist bis { $date }
briefing_embargo_note = { $until }: bis dahin in keiner veröffentlichten Fassung.
briefing_expired_on = Abgelaufen am { $date }
briefing_expired_note = { $expired }: seitdem in keiner veröffentlichten Fassung.
briefing_updated = aktualisiert am { $date }
briefing_draft = Entwurf
briefing_by = Von { $names }
briefing_reviewed_by = Geprüft von { $names }
briefing_also_reviewed_by = geprüft von { $names }
briefing_assessed = Eingeschätzt mit { $confidence }
briefing_retracted_source = Zurückgezogene Quelle
briefing_retracted_banner = { $label }: { $source } wurde am { $date } zurückgezogen. Positionsbezüge, die darauf beruhen, sind durchgestrichen.
briefing_retracted_banner_note = { $label }: { $source } wurde am { $date } zurückgezogen: { $note } Positionsbezüge, die darauf beruhen, sind durchgestrichen.
briefing_correction = Korrektur
briefing_correction_box = { $label } vom { $date }: { $text }
briefing_key_judgments = Kernaussagen
judgment_on = zu { $topic }
judgment_answer_no = (die Antwort lautet nein)
briefing_at_a_glance = Auf einen Blick
briefing_then = (damals { $name })
briefing_stances = Positionsbezüge
stances_on = Zu
stances_position = Position
stances_said = Was gesagt wurde
stances_said_short = Gesagt
stances_voiced_by = geäußert von { $name }
stances_voiced_by_role = geäußert von { $name }, { $role }
stances_source_label = Quelle { $n }
briefing_sources = Quellen
briefing_about_source = über diese Quelle
corrections_heading = Korrekturen und Aktualisierungen
briefing_all_corrections = Alle Korrekturen dieser Website
briefing_related = Verwandte Lageberichte
related_links_here = verlinkt hierher
related_shares = nennt ebenfalls { $names }
related_shares_more = nennt ebenfalls { $names } und { $n } weitere

## Listen, Schlagwörter, Chronik, Korrekturen

briefings_newest_first = Neueste zuerst
briefings_range = { $first }–{ $last } von { $n ->
    [one] { $n } Lagebericht
   *[other] { $n } Lageberichten
}
briefings_heading = Alle Lageberichte
tag_heading = Schlagwort „{ $name }“
tags_empty = Noch keine Schlagwörter.
timeline_years = Jahre
timeline_continued = Fortsetzung
timeline_change = { $actor } zu { $topic }: { $change }
corrections_lede = Die neuesten Korrekturen und Aktualisierungen der Lageberichte, neueste zuerst.
corrections_feed = Feed

## Akteure, Orte, Autoren

actor_affiliated_with = Zugehörig zu { $actor }
actor_over_time = Ämter und Zugehörigkeiten im Lauf der Zeit
actor_roles = Ämter
actor_affiliations = Zugehörigkeiten
actor_names = Namen
actor_positions = Positionen nach Thema
actor_positions_capped = Die { $shown } Themen mit den meisten Positionsbezügen, von { $total }.
actor_compare = Vergleichen mit
actor_compare_note = Thema für Thema: wo sie übereinstimmen, wo sie abweichen und seit wann.
actor_voiced = Für andere geäußerte Positionen
actor_members = Zugehörige Akteure
actor_co_actors = Genannt zusammen mit
place_in = in { $place }
place_coordinates = Koordinaten:
place_osm = Karte auf OpenStreetMap
place_names_over_time = Namen im Lauf der Zeit
place_within = Orte in { $name }
place_actors = Hier aktive Akteure
author_stub_note = Noch kein Profil: Diese Seite listet die Lageberichte auf, die diesen Namen im Autorenvermerk tragen.
author_briefings_heading = Lageberichte von { $name }
author_reviewed_heading = Geprüft von { $name }
entities_network_note = { $link }: die meistgenannten Akteure als Grafik.
entities_no_profile = kein Profil
entities_none = Noch keine.

## Thema

topic_named_in = genannt in { $n ->
    [one] { $n } Lagebericht
   *[other] { $n } Lageberichten
}
topic_stale = Ruhend
topic_stale_note = Kein Lagebericht seit { $since } (diese Redaktion betrachtet ein Thema nach { $n } Tagen als ruhend).
topic_resolution = Auflösung
topic_resolved = Entschieden am { $date }: { $outcome }
topic_fared = Wie sich die Einschätzungen der Redaktion bewährt haben
topic_scored = { $n ->
    [one] { $n } Einschätzung bewertet.
   *[other] { $n } Einschätzungen bewertet.
}
topic_scored_brier = { $n ->
    [one] { $n } Einschätzung bewertet
   *[other] { $n } Einschätzungen bewertet
}, mit einem mittleren Brier-Score von { $brier } (0 ist perfekt, 0,25 erreicht, wer immer 50 % sagt).
topic_later = Einschätzungen nach der Entscheidung der Frage werden aufgeführt, aber nicht bewertet.
topic_track_record_link = Die Prognosebilanz der Redaktion
topic_judgments_caption = Einschätzungen zu dieser Frage, älteste zuerst
topic_no_judgment = Kein Lagebericht hat eine Einschätzung zu dieser Frage abgegeben.
topic_matrix = Wer wo steht
topic_matrix_capped = Die { $shown } Akteure mit den meisten Positionsbezügen, von { $total }.
topic_no_stances = Noch keine Positionsbezüge erfasst.
topic_stances_over_time = Positionsbezüge im Zeitverlauf
topic_briefings_heading = Lageberichte zu { $name }
scored_briefing = Lagebericht
scored_judgment = Einschätzung
scored_question = Frage
scored_likelihood = Wahrscheinlichkeit
scored_answer = Antwort
scored_came_true = Eingetroffen
scored_brier = Brier-Score
scored_not_counted = nicht bewertet: nach der Entscheidung der Frage abgegeben

## Ein Thema oder ein Akteur an einem Tag

as_of_kicker = Stand { $date }, Wechsel { $n } von { $count }
as_of_heading = { $name }, Stand { $date }
as_of_lede = Der Stand am Ende des { $date }, nach den Lageberichten bis einschließlich dieses Tages. { $now }.
as_of_changes_label = Wechsel
as_of_unpaged = { $n ->
    [one] { $n } früherer Tag mit Wechseln: siehe die Lageberichte
   *[other] { $n } frühere Tage mit Wechseln: siehe die Lageberichte
}
as_of_first = Erster Wechsel
as_of_latest = Letzter Wechsel
as_of_matrix_topic = Wer wo stand
as_of_capped = Die { $shown } mit den meisten Positionsbezügen bis dahin, von { $total }.
as_of_position_then = Position damals
as_of_changes = Wechsel an diesem Tag
as_of_change = { $name }: { $from } → { $to }
as_of_change_first = { $name } bezieht Position: { $to }
as_of_change_in = in { $briefing }

## Wer mit wem übereinstimmt, zwei Akteure im Vergleich

alignment_as_of = Stand Ende { $month }
alignment_lede = Für jedes Akteurspaar der Anteil der Themen, zu denen beide eine klare Position haben und dieselbe einnehmen, nach dem jeweils letzten Positionsbezug jedes Akteurs zu jedem Thema. Akteure, die zusammenstehen, sind nebeneinander angeordnet.
alignment_lede_month = Für jedes Akteurspaar der Anteil der Themen, zu denen beide eine klare Position haben und dieselbe einnehmen, nach den Positionsbezügen der Lageberichte bis zum letzten Tag von { $month }. { $now }. Akteure, die zusammenstehen, sind nebeneinander angeordnet.
alignment_snapshots = Momentaufnahmen
alignment_first = Erste Momentaufnahme
alignment_latest = Neueste
alignment_matrix = Übereinstimmung zwischen Akteuren
alignment_capped = Die { $shown } Akteure mit Positionen zu den meisten Themen, von { $total }, die ein Thema mit einem anderen teilen.
alignment_table_label = Übereinstimmungstabelle, seitlich scrollbar
alignment_caption = Übereinstimmung in Prozent der gemeinsamen Themen; leer: kein gemeinsames Thema. Jedes Paar erscheint einmal. Eine verlinkte Zahl öffnet den Vergleich des Paares.
alignment_colours = Farben
alignment_none = Bis dahin teilten keine zwei Akteure ein Thema.
alignment_pairs = Verglichene Paare
alignment_pairs_note = Die am häufigsten gemeinsam genannten Paare, Thema für Thema.
alignment_months = Monat für Monat
alignment_months_note = Jeweils der Stand am Monatsende.
compare_since = Seit
compare_no_stance = keine Position
compare_agree_count = { $agree } von { $shared }
compare_agree = Sie stimmen bei { $count } { $shared ->
    [one] gemeinsamen Thema
   *[other] gemeinsamen Themen
} überein ({ $percent } %), nach dem jeweils letzten Positionsbezug.
compare_none_shared = Sie teilen kein Thema, zu dem beide eine klare Position haben, nach dem jeweils letzten Positionsbezug.
compare_together = Gemeinsam genannt in { $n ->
    [one] { $n } Lagebericht.
   *[other] { $n } Lageberichten.
}
compare_differ = Wo sie abweichen
compare_agreed = Wo sie übereinstimmen
compare_one_sided = Nur einer hat eine klare Position
compare_listed = { $listed } der { $total } Themen, zu denen einer von beiden Position bezog, sind aufgeführt.
compare_alignment_note = { $link }: alle Akteurspaare.

## Netzwerk der Akteure

network_heading = Netzwerk der Akteure
network_lede_capped = Die { $shown } meistgenannten von { $total } Akteuren und wer mit wem unter ihnen genannt wird.
network_lede = { $total ->
    [one] Der einzige Akteur
   *[other] Alle { $total } Akteure
} und wer mit wem unter ihnen genannt wird.
network_none = Noch nennt kein Lagebericht einen Akteur.
network_pairs = Am häufigsten gemeinsam genannt
network_col_actors = Akteure
network_col_both = Lageberichte, die beide nennen
network_most_named = Meistgenannte Akteure

## Quellen

source_graded = Bewertet mit { $grade }: { $label }.
source_retracted = Zurückgezogen
source_retracted_banner = { $label } am { $date }. Die darauf beruhenden Positionsbezüge sind ab diesem Tag durchgestrichen.
source_retracted_banner_note = { $label } am { $date }: { $note } Die darauf beruhenden Positionsbezüge sind ab diesem Tag durchgestrichen.
source_read = Quelle lesen
source_stances = Darauf beruhende Positionsbezüge
source_stance_quoted = { $stance }: „{ $quote }“
source_briefings = Lageberichte, die sie zitieren
source_none = Keine.
sources_lede = Worauf { $n ->
    [one] der { $n } auf dieser Website erfasste Positionsbezug beruht
   *[other] die { $n } auf dieser Website erfassten Positionsbezüge beruhen
}. Die Bewertungen folgen der Skala der Website: ein Buchstabe für die Zuverlässigkeit der Quelle, eine Ziffer für die Glaubwürdigkeit der Meldung.
sources_rest_on = Worauf die Positionsbezüge beruhen
sources_reliability = Zuverlässigkeit der Quelle
sources_stances = Positionsbezüge
sources_not_graded = Nicht bewertet
sources_no_source = Ohne Quelle
sources_single = { $count } { $n ->
    [one] beruht
   *[other] beruhen
} auf einer einzigen Quelle (keine zweite Quelle stützt die Position desselben Akteurs zu dem Thema)
sources_paraphrase = { $count } { $n ->
    [one] hat
   *[other] haben
} kein direktes Zitat oder nur eine sinngemäße Wiedergabe
sources_retracted = { $count } { $n ->
    [one] beruht
   *[other] beruhen
} auf einer zurückgezogenen Quelle
sources_on_file = Erfasste Quellen
sources_source = Quelle
sources_grade = Bewertung
sources_not_graded_short = nicht bewertet

## Prognosebilanz

track_record_lede = Wie sich die Kernaussagen der Redaktion bei entschiedenen Fragen bewährt haben. Jede Einschätzung erhält ihren Brier-Score, das Quadrat des Abstands zwischen der angegebenen Wahrscheinlichkeit und dem, was geschah (1, wenn es eintraf, sonst 0): 0 ist eine perfekte Prognose, 0,25 erreicht, wer immer 50 % sagt, 1 ist die schlechteste.
track_record_scores = Bewertungen
track_record_desk = Die Redaktion: { $score } über { $n ->
    [one] { $n } Einschätzung.
   *[other] { $n } Einschätzungen.
}
track_record_desk_later = Die Redaktion: { $score } über { $n ->
    [one] { $n } Einschätzung
   *[other] { $n } Einschätzungen
}; { $later ->
    [one] { $later } Einschätzung nach der Entscheidung ihrer Frage wird nicht bewertet.
   *[other] { $later } Einschätzungen nach der Entscheidung ihrer Frage werden nicht bewertet.
}
track_record_by_author = Nach Autor (eine Einschätzung zählt für jeden Autor ihres Lageberichts)
track_record_judgments = Einschätzungen
track_record_mean_brier = Mittlerer Brier-Score
track_record_calibration = Kalibrierung
track_record_levels_label = Kalibrierung nach Stufe, seitlich scrollbare Tabelle
track_record_levels_caption = Bewertete Einschätzungen nach Wahrscheinlichkeitsstufe
track_record_band = Spanne
track_record_stated = Angegeben, im Mittel
track_record_observed = Beobachtet
track_record_scored = Bewertete Einschätzungen
track_record_scored_caption = Bewertete Einschätzungen, neueste zuerst

## Seite nicht gefunden

not_found_heading = Seite nicht gefunden
not_found_text = Unter dieser Adresse gibt es keine Seite. Versuchen Sie die { $latest }, die { $timeline } oder die { $search }.
not_found_latest = neuesten Lageberichte
not_found_timeline = Chronik
not_found_search = Suche
