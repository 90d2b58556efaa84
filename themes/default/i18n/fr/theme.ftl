skip_to_content = Aller au contenu
nav_sections = Rubriques
nav_briefings = Notes
nav_timeline = Chronologie
nav_actors = Acteurs
nav_places = Lieux
nav_topics = Sujets
nav_authors = Auteurs
nav_tags = Mots-clés
nav_search = Recherche
briefing_count = { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
