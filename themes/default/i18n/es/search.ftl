# La página de búsqueda y lo que dice su script (véase en/search.ftl).

search_title = Búsqueda
search_label = Busque en cada palabra de cada informe, y en nombres, alias y etiquetas; ponga una frase «entre comillas»
search_button = Buscar
search_narrow = Acotar
search_actor = Actor
search_any_actor = Cualquier actor
search_place = Lugar
search_any_place = Cualquier lugar
search_topic = Tema
search_any_topic = Cualquier tema
search_tag = Etiqueta
search_any_tag = Cualquier etiqueta
search_from = Desde
search_to = Hasta
search_noscript = La búsqueda necesita JavaScript. Sin él, recorra estas listas:
search_entities_label = Actores, lugares y temas
search_more = Mostrar más resultados
search_further = Seguir buscando
search_loading = Cargando el índice…
search_failed = No se pudo cargar el índice de búsqueda.
search_stale = El índice de búsqueda ha cambiado desde que se cargó esta página: vuelva a cargarla para buscar.
search_found = { $n ->
    [0] No se encontró ningún informe.
    [one] Se encontró { $n } informe.
    [many] Se encontraron { $n } de informes.
   *[other] Se encontraron { $n } informes.
}
search_phrase = Al menos { $found } encontrados con la frase exacta; revisados hasta ahora { $checked } de los { $total } informes con todas sus palabras.
search_rough = Ordenados como si la frase estuviera en el texto.
search_completed = La última palabra se completó con sus continuaciones más frecuentes: escriba más para acotar.
search_cut = { $n ->
    [one] Solo se buscó la primera palabra.
   *[other] Solo se buscaron las primeras { $n } palabras.
}
search_count = { $n ->
    [one] { $n } informe
    [many] { $n } de informes
   *[other] { $n } informes
}
search_kind_actor = actor
search_kind_place = lugar
search_kind_topic = tema
search_kind_author = autor
