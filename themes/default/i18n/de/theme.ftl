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
