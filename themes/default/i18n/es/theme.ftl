skip_to_content = Ir al contenido
nav_sections = Secciones
nav_briefings = Informes
nav_timeline = Cronología
nav_actors = Actores
nav_places = Lugares
nav_topics = Temas
nav_authors = Autores
nav_tags = Etiquetas
nav_search = Buscar
briefing_count = { $n ->
    [one] { $n } informe
   *[other] { $n } informes
}
