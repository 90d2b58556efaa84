# Wörter, die die Engine in Seiten, Feeds und Vorschaubilder schreibt.
# Die Rolle jeder Nachricht steht in en/engine.ftl.

stance_supports = dafür
stance_opposes = dagegen
stance_mixed = gemischt
stance_neutral = neutral
stance_unclear = unklar

tally_supports = dafür
tally_opposes = dagegen
tally_mixed = gemischt
tally_neutral = neutral
tally_unclear = unklar

kind_actor = Akteur
kind_place = Ort
kind_topic = Thema
kind_author = Autor
kind_actors = Akteure
kind_places = Orte
kind_topics = Themen
kind_authors = Autoren

likelihood_almost_no_chance = so gut wie ausgeschlossen
likelihood_very_unlikely = sehr unwahrscheinlich
likelihood_unlikely = unwahrscheinlich
likelihood_roughly_even_chance = etwa gleich wahrscheinlich
likelihood_likely = wahrscheinlich
likelihood_very_likely = sehr wahrscheinlich
likelihood_almost_certain = so gut wie sicher
confidence_low = gering
confidence_moderate = mittel
confidence_high = hoch
answer_yes = ja
answer_no = nein

number_percent = { $value } %
number_percent_band = { $low }–{ $high } %

page_title_paged = { $title }, Seite { $n } von { $count }
page_title_all_briefings = Alle Briefings
page_title_timeline = Zeitleiste
page_title_tags = Schlagwörter
page_title_tagged = Schlagwort „{ $tag }“
page_title_search = Suche
page_description_search = Die Briefings von { $site } durchsuchen
page_title_not_found = Seite nicht gefunden
page_title_corrections = Korrekturen und Aktualisierungen
page_title_network = Netzwerk der Akteure
page_description_network = Wer mit wem genannt wird: die meistgenannten Akteure und die Paare, die am häufigsten zusammen genannt werden
page_description_role = { $name }: { $role }
page_title_as_of = { $name }, Stand { $date }
page_description_as_of_topic = Wer zu „{ $name }“ wo stand, Stand Ende { $date }
page_description_as_of_actor = Die Positionen von { $name }, Stand Ende { $date }
page_title_alignment = Wer mit wem übereinstimmt
page_description_alignment = Wie oft jedes Paar von Akteuren bei den Themen, zu denen beide eine Position haben, dieselbe Position einnimmt
page_title_alignment_month = Wer mit wem übereinstimmte, { $month }
page_description_alignment_month = Wie oft jedes Paar von Akteuren dieselbe Position einnahm, nach den Stellungnahmen bis Ende { $month }
page_title_compare = { $a } und { $b } im Vergleich
page_description_compare = Wo { $a } und { $b } übereinstimmen und sich unterscheiden, Thema für Thema, und seit wann
page_title_track_record = Bilanz der Einschätzungen
page_description_track_record = Wie sich die Kernaussagen der Redaktion bei inzwischen entschiedenen Fragen bewährt haben
page_title_sources = Quellen
page_description_sources = Worauf die Aussagen dieser Website beruhen.
page_description_source = Was auf { $title } beruht.
crumb_timeline = Zeitleiste
crumb_tags = Schlagwörter
crumb_alignment = Wer mit wem übereinstimmt
crumb_sources = Quellen

period_range = { $from } – { $to }
period_since = seit { $from }
period_until = bis { $to }

coords = { $lat }° { $ns }, { $lon }° { $ew }
coords_north = N
coords_south = S
coords_east = O
coords_west = W
map_locator_summary = Karte der Umgebung von { $name }, mit markierter Lage
map_locator_summary_parent = Karte der Umgebung von { $shown }, mit markierter Lage: { $name } hat keine eigenen Koordinaten
map_world_summary = Weltkarte mit { $n ->
    [one] { $n } Ort
   *[other] { $n } Orten
}, jeder als Kreis, dessen Fläche mit der Zahl der Briefings wächst, die ihn nennen
map_world_summary_most = Weltkarte mit { $n ->
    [one] { $n } Ort
   *[other] { $n } Orten
}, jeder als Kreis, dessen Fläche mit der Zahl der Briefings wächst, die ihn nennen (die { $n } meistgenannten von { $total })

network_ego_summary = { $name } und die { $n } Akteure, die am häufigsten zusammen damit genannt werden; eine Linie verbindet zwei Akteure, die in denselben Briefings vorkommen, und ist umso dicker, je öfter
network_site_summary = Die { $n } meistgenannten Akteure; eine Linie verbindet zwei von ihnen, die in denselben Briefings vorkommen, und ist umso dicker, je öfter ({ $pairs } Paare)

chart_stance_summary = Verlauf der Positionen: { $actors ->
    [one] { $actors } Akteur
   *[other] { $actors } Akteure
}, { $stances ->
    [one] { $stances } Stellungnahme
   *[other] { $stances } Stellungnahmen
} { $period }. Die Tabelle enthält dieselben Stellungnahmen als Text.
chart_stance_period_day = am { $date }
chart_stance_period = vom { $from } bis { $to }
chart_mark_title = { $date }: { $position } — { $title }
chart_week_of = Woche vom { $date }
chart_bar_title = { $period }: { $n ->
    [one] { $n } Briefing
   *[other] { $n } Briefings
}
chart_activity_summary = Briefings pro { $unit ->
    [week] Woche
   *[month] Monat
}, { $first } – { $last }: { $total } insgesamt, Höchststand { $busiest } ({ $count }).
chart_calibration_point = { $likelihood }: { $n ->
    [one] { $n } Einschätzung
   *[other] { $n } Einschätzungen
}, { $percent } eingetreten
chart_calibration_summary = Kalibrierung von { $n ->
    [one] { $n } bewerteten Einschätzung
   *[other] { $n } bewerteten Einschätzungen
} über { $levels ->
    [one] { $levels } Wahrscheinlichkeitsstufe
   *[other] { $levels } Wahrscheinlichkeitsstufen
}: angegebene Wahrscheinlichkeit gegen die Häufigkeit, mit der sie eintraten; die Diagonale ist eine perfekte Kalibrierung

alignment_cell_none = kein gemeinsames Thema
alignment_cell = einig bei { $agree } von { $shared ->
    [one] { $shared } Thema
   *[other] { $shared } Themen
} ({ $percent })
alignment_cell_label = { $a } und { $b }: { $cell }

grade_reliability_a = Völlig zuverlässig
grade_reliability_b = In der Regel zuverlässig
grade_reliability_c = Ziemlich zuverlässig
grade_reliability_d = In der Regel nicht zuverlässig
grade_reliability_e = Unzuverlässig
grade_reliability_f = Zuverlässigkeit nicht beurteilbar
grade_credibility_1 = Von anderen Quellen bestätigt
grade_credibility_2 = Wahrscheinlich wahr
grade_credibility_3 = Möglicherweise wahr
grade_credibility_4 = Zweifelhaft
grade_credibility_5 = Unwahrscheinlich
grade_credibility_6 = Wahrheitsgehalt nicht beurteilbar
grade_label = { $reliability }; { $credibility }
grade_label_reliability_only = { $reliability }; Glaubwürdigkeit nicht bewertet
grade_label_credibility_only = Zuverlässigkeit nicht bewertet; { $credibility }
grade_no_reliability = Keine Zuverlässigkeit angegeben

feed_title_entity = { $name } — { $site }
feed_title_tag = Schlagwort „{ $tag }“ — { $site }
feed_title_corrections = Korrekturen — { $site }
feed_title_changes = Positionswechsel — { $site }
feed_title_changes_of = { $name }: Positionswechsel — { $site }
feed_correction_summary = Korrektur: { $text }
feed_change_summary = „{ $quote }“ — { $title }

change_sentence = { $actor }: { $change } ({ $topic }), { $date }
change_from_to = { $from } → { $to }
change_first = bezieht Position: { $to }
change_per = { $sentence }, laut { $by }
change_source = { $sentence } [{ $source }]

card_alt = { $title } — { $site }, { $date }

redirect_title = Verschoben: { $title }
redirect_heading = Seite verschoben
redirect_text = Diese Seite befindet sich jetzt unter { $link }.
body_footnote_back = Zurück zum Text
body_task_done = erledigt
body_task_not_done = offen
