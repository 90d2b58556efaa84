# Las palabras de las plantillas del tema por defecto, en español (qué hace cada mensaje:
# en/theme.ftl).

## Todas las páginas

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
feed_atom_title = { $title } (Atom)
feed_json_title = { $title } (JSON Feed)
feed_changes_atom_title = Cambios de posición (Atom)
feed_changes_json_title = Cambios de posición (JSON Feed)
footer_atom_feed = Canal Atom
footer_sitemap = Mapa del sitio
footer_sources = Fuentes
footer_track_record = Historial de aciertos
footer_page_feed = Canal de esta página
alignment_link = Quién coincide con quién
alignment_link_after = quién coincide con quién
network_link = Quién aparece con quién

## Palabras comunes

list_separator = {", "}
list_last_separator = {" y "}
pair = { $a } y { $b }
kind_briefing = Informe
kind_source = Fuente
kind_tag = Etiqueta
kind_comparison = Comparación
column_actor = Actor
column_topic = Tema
position_supports = a favor
position_opposes = en contra
position_mixed = dividido
position_neutral = neutral
position_unclear = incierto
position_was = antes { $position }
confidence_label_low = confianza baja
confidence_label_moderate = confianza moderada
confidence_label_high = confianza alta
page_n_of = página { $n } de { $count }
aliases_line = También escrito: { $names }
stub_note = Aún sin perfil: esta página recoge lo que dicen los informes.
linked_from = Enlazado desde
latest_n_of = Los { $shown } más recientes de { $total }.
and_n_more = y { $n } más
shift_to = a
count_title = informes
count_title_both = informes que citan a ambos
see_it_now = Ver la situación actual
now = Hoy
entity_briefings_heading = Informes que citan a { $name }
briefings_empty = Aún no hay informes.
source_retracted_on = retirada el { $date }
source_graded_title = Calificada { $grade }: { $label }
source_with_publisher = { $title } ({ $publisher })
stance_on_topic = Sobre { $topic }, { $actor }: { $position }
stance_on_topic_quoted = Sobre { $topic }, { $actor }: { $position } — { $quote }

## Migas de pan, paginación, índice

crumbs_label = Ruta de navegación
crumbs_home = Inicio
pager_label = Paginación
pager_first = Primera
pager_previous = Anterior
pager_next = Siguiente
pager_last = Última
pager_page = Página { $n }
toc_label = Índice

## Tablas de posiciones y leyenda

positions_now = Posición actual
positions_history = Historial
positions_history_hint = de la más antigua a la más reciente
positions_last_change = Último cambio
positions_changed_on = cambió el { $date }
positions_no_change = sin cambios
history_label = Historial, de la más antigua a la más reciente
history_earlier = +{ $n } { $n ->
    [one] anterior
   *[other] anteriores
}
history_mark_title = { $date }: { $position } — { $title }
history_mark_grade = (fuente { $grade })
history_mark_retracted = (fuente retirada)
history_mark_as_of = (ver la tabla en esa fecha)
history_mark_text = { $date }: { $position }
history_mark_text_grade = , fuente calificada { $grade }
history_mark_text_retracted = , fuente retirada
legend_label = Posiciones
tally_count_supports = { $n } a favor
tally_count_opposes = { $n } en contra
tally_count_mixed = { $n ->
    [one] { $n } dividido
   *[other] { $n } divididos
}
tally_count_neutral = { $n ->
    [one] { $n } neutral
   *[other] { $n } neutrales
}
tally_count_unclear = { $n ->
    [one] { $n } incierto
   *[other] { $n } inciertos
}
evidence_grade_title = Fuente calificada { $grade }: { $label }
evidence_retracted = fuente retirada el { $date }
evidence_unsourced = sin fuente
evidence_single_source = fuente única
evidence_paraphrase = solo paráfrasis
data_links_intro = Datos para analistas:
data_links_stances = todas las posturas (CSV)
data_links_entities = actores, lugares y temas (JSON)
data_links_graph = quién aparece con quién (JSON)

## Gráficos y mapas

stance_chart_caption = Cada marca es una postura, situada en la fecha de su informe (donde las posturas se agolpan, una sola marca muestra la posición mayoritaria); la forma y el color indican la posición.
sparkline_caption = Informes por { $unit ->
    [week] semana
   *[month] mes
}, { $first } – { $last } (como máximo { $max })
sparkline_caption_one = Informes por { $unit ->
    [week] semana
   *[month] mes
}, { $first } (como máximo { $max })
network_caption = Círculos: informes que citan a cada actor; líneas: informes que citan a ambos.
network_caption_link = La red de los actores más citados
network_node_label = { $name }: citado en { $n ->
    [one] { $n } informe
   *[other] { $n } informes
}
locator_caption = Ubicación de { $name }
locator_caption_shown_at = Ubicación de { $name }, mostrada en { $place }
locator_caption_dots = ; puntos: lugares que contiene
world_map_marker = { $name }: { $n ->
    [one] { $n } informe
   *[other] { $n } informes
}
world_map_shown_at = (mostrado en { $place })
world_map_caption = Lugares según los informes que los citan: cuanto mayor el círculo, más informes.
world_map_caption_capped = Lugares según los informes que los citan: cuanto mayor el círculo, más informes (los { $shown } más citados de { $total } lugares con ubicación).
calibration_axis = Probabilidad declarada
calibration_caption = Probabilidad declarada (en horizontal) frente a la frecuencia con que se cumplieron los juicios (en vertical); cada círculo es un nivel de probabilidad, con tamaño y etiqueta según su número de juicios. Sobre la diagonal, un nivel se cumple tan a menudo como declara. La tabla de abajo recoge las mismas cifras.

## Portada

home_latest = Últimos informes
home_all_briefings = { $n ->
    [one] El único informe
   *[other] Los { $n } informes
}
home_by_month = por meses en la cronología
home_empty = Los informes son archivos Markdown en { $folder }: { $command } crea uno.
home_example_title = Un título
home_changes = Posiciones que cambiaron
home_more_changes = { $n } más sobre { $topic }
home_top_actors = Actores más citados
home_top_places = Lugares más citados

## Informe

briefing_embargoed_until = Embargado hasta el { $date }
briefing_embargo_note = { $until }: no aparece en una versión publicada antes de esa fecha.
briefing_expired_on = Caducado el { $date }
briefing_expired_note = { $expired }: no aparece en una versión publicada desde entonces.
briefing_updated = actualizado el { $date }
briefing_draft = Borrador
briefing_by = Por { $names }
briefing_reviewed_by = Revisado por { $names }
briefing_also_reviewed_by = revisado por { $names }
briefing_assessed = Evaluado con { $confidence }
briefing_retracted_source = Fuente retirada
briefing_retracted_banner = { $label }: { $source } se retiró el { $date }. Las posturas que se apoyan en ella aparecen tachadas.
briefing_retracted_banner_note = { $label }: { $source } se retiró el { $date }: { $note } Las posturas que se apoyan en ella aparecen tachadas.
briefing_correction = Corrección
briefing_correction_box = { $label } del { $date }: { $text }
briefing_key_judgments = Juicios clave
judgment_on = sobre { $topic }
judgment_answer_no = (la respuesta es no)
briefing_at_a_glance = De un vistazo
briefing_then = (entonces { $name })
briefing_stances = Posturas
stances_on = Sobre
stances_position = Posición
stances_said = Lo que se dijo
stances_said_short = Dicho
stances_voiced_by = expresada por { $name }
stances_voiced_by_role = expresada por { $name }, { $role }
stances_source_label = Fuente { $n }
briefing_sources = Fuentes
briefing_about_source = sobre esta fuente
corrections_heading = Correcciones y actualizaciones
briefing_all_corrections = Todas las correcciones del sitio
briefing_related = Informes relacionados
related_links_here = enlaza aquí
related_shares = también cita a { $names }
related_shares_more = también cita a { $names } y { $n } más

## Listas de informes, etiquetas, cronología, correcciones

briefings_newest_first = Los más recientes primero
briefings_range = { $first }–{ $last } de { $n ->
    [one] { $n } informe
   *[other] { $n } informes
}
briefings_heading = Todos los informes
tag_heading = Etiqueta «{ $name }»
tags_empty = Aún no hay etiquetas.
timeline_years = Años
timeline_continued = continuación
timeline_change = { $actor } sobre { $topic }: { $change }
corrections_lede = Las últimas correcciones y actualizaciones de los informes, de la más reciente a la más antigua.
corrections_feed = Canal

## Actores, lugares, autores

actor_affiliated_with = Vinculado a { $actor }
actor_over_time = Cargos y vínculos a lo largo del tiempo
actor_roles = Cargos
actor_affiliations = Vínculos
actor_names = Nombres
actor_positions = Posiciones por tema
actor_positions_capped = Los { $shown } temas con más posturas, de { $total }.
actor_compare = Comparar con
actor_compare_note = Tema por tema: dónde coinciden y dónde difieren, y desde cuándo.
actor_voiced = Posturas expresadas en nombre de otros
actor_members = Actores vinculados
actor_co_actors = Citado junto a
place_in = en { $place }
place_coordinates = Coordenadas:
place_osm = Mapa en OpenStreetMap
place_names_over_time = Nombres a lo largo del tiempo
place_within = Lugares en { $name }
place_actors = Actores presentes aquí
author_stub_note = Aún sin perfil: esta página recoge los informes que llevan su firma.
author_briefings_heading = Informes de { $name }
author_reviewed_heading = Revisados por { $name }
entities_network_note = { $link }: los actores más citados, en un gráfico.
entities_no_profile = sin perfil
entities_none = Aún ninguno.

## Tema

topic_named_in = citado en { $n ->
    [one] { $n } informe
   *[other] { $n } informes
}
topic_stale = Inactivo
topic_stale_note = Ningún informe desde el { $since } (esta redacción considera inactivo un tema tras { $n } días).
topic_resolution = Resolución
topic_resolved = Resuelto el { $date }: { $outcome }
topic_fared = Cómo les fue a los juicios de la redacción
topic_scored = { $n ->
    [one] { $n } juicio puntuado.
   *[other] { $n } juicios puntuados.
}
topic_scored_brier = { $n ->
    [one] { $n } juicio puntuado
   *[other] { $n } juicios puntuados
}, con una puntuación de Brier media de { $brier } (0 es perfecto; 0,25, lo que obtiene quien siempre dice 50 %).
topic_later = Los juicios emitidos después de resolverse la pregunta se listan, pero no se puntúan.
topic_track_record_link = El historial de aciertos de la redacción
topic_judgments_caption = Juicios sobre esta pregunta, del más antiguo al más reciente
topic_no_judgment = Ningún informe emitió un juicio sobre esta pregunta.
topic_matrix = Quién está dónde
topic_matrix_capped = Los { $shown } actores con más posturas, de { $total }.
topic_no_stances = Aún no hay posturas registradas.
topic_stances_over_time = Posturas a lo largo del tiempo
topic_briefings_heading = Informes sobre { $name }
scored_briefing = Informe
scored_judgment = Juicio
scored_question = Pregunta
scored_likelihood = Probabilidad
scored_answer = Respuesta
scored_came_true = Se cumplió
scored_brier = Puntuación de Brier
scored_not_counted = sin puntuar: emitido después de resolverse la pregunta

## Un tema o un actor en una fecha

as_of_kicker = a { $date }, cambio { $n } de { $count }
as_of_heading = { $name } a { $date }
as_of_lede = Tal como estaba al final del { $date }, según los informes fechados ese día o antes. { $now }.
as_of_changes_label = Cambios
as_of_unpaged = { $n ->
    [one] { $n } día anterior con cambios: ver los informes
   *[other] { $n } días anteriores con cambios: ver los informes
}
as_of_first = Primer cambio
as_of_latest = Último cambio
as_of_matrix_topic = Quién estaba dónde
as_of_capped = Los { $shown } con más posturas hasta entonces, de { $total }.
as_of_position_then = Posición entonces
as_of_changes = Cambios de ese día
as_of_change = { $name }: { $from } → { $to }
as_of_change_first = { $name } toma posición: { $to }
as_of_change_in = en { $briefing }

## Quién coincide con quién, dos actores comparados

alignment_as_of = al final de { $month }
alignment_lede = Para cada par de actores, la proporción de temas en los que ambos tienen una posición clara y adoptan la misma, según la última postura de cada actor sobre cada tema. Los actores que van juntos aparecen uno al lado del otro.
alignment_lede_month = Para cada par de actores, la proporción de temas en los que ambos tienen una posición clara y adoptan la misma, según las posturas de los informes fechados hasta el último día de { $month }. { $now }. Los actores que van juntos aparecen uno al lado del otro.
alignment_snapshots = Instantáneas
alignment_first = Primera instantánea
alignment_latest = Última
alignment_matrix = Coincidencia entre actores
alignment_capped = Los { $shown } actores con posición sobre más temas, de { $total } que comparten un tema con otro.
alignment_table_label = Tabla de coincidencias, se desplaza en horizontal
alignment_caption = Coincidencia en porcentaje de temas compartidos; en blanco: ningún tema en común. Cada par aparece una vez. Un número enlazado abre la comparación del par.
alignment_colours = Colores
alignment_none = Hasta entonces, ningún par de actores compartía un tema.
alignment_pairs = Pares comparados
alignment_pairs_note = Los pares citados juntos más a menudo, tema por tema.
alignment_months = Mes a mes
alignment_months_note = Cada uno tal como estaba al final del mes.
compare_since = Desde
compare_no_stance = sin postura
compare_agree_count = { $agree } de { $shared }
compare_agree = Coinciden en { $count } { $shared ->
    [one] tema compartido
   *[other] temas compartidos
} ({ $percent } %), según la última postura de cada uno.
compare_none_shared = No comparten ningún tema en el que ambos tengan una posición clara, según la última postura de cada uno.
compare_together = Citados juntos en { $n ->
    [one] { $n } informe.
   *[other] { $n } informes.
}
compare_differ = Dónde difieren
compare_agreed = Dónde coinciden
compare_one_sided = Solo uno tiene una posición clara
compare_listed = Se listan { $listed } de los { $total } temas sobre los que alguno tomó postura.
compare_alignment_note = { $link }: todos los pares de actores.

## Red de actores

network_heading = Red de actores
network_lede_capped = Los { $shown } más citados de { $total } actores, y quién aparece con quién entre ellos.
network_lede = { $total ->
    [one] El único actor
   *[other] Los { $total } actores
}, y quién aparece con quién entre ellos.
network_none = Aún ningún informe cita a un actor.
network_pairs = Citados juntos más a menudo
network_col_actors = Actores
network_col_both = Informes que citan a ambos
network_most_named = Actores más citados

## Fuentes

source_graded = Calificada { $grade }: { $label }.
source_retracted = Retirada
source_retracted_banner = { $label } el { $date }. Las posturas que se apoyan en ella aparecen tachadas desde ese día.
source_retracted_banner_note = { $label } el { $date }: { $note } Las posturas que se apoyan en ella aparecen tachadas desde ese día.
source_read = Leer la fuente
source_stances = Posturas que se apoyan en ella
source_stance_quoted = { $stance }: «{ $quote }»
source_briefings = Informes que la citan
source_none = Ninguna.
sources_lede = En qué se basan { $n ->
    [one] la { $n } postura registrada
   *[other] las { $n } posturas registradas
} en este sitio. Las calificaciones siguen la escala del sitio: una letra para la fiabilidad de la fuente, un número para la credibilidad de lo que informó.
sources_rest_on = En qué se basan las posturas
sources_reliability = Fiabilidad de la fuente
sources_stances = Posturas
sources_not_graded = Sin calificar
sources_no_source = Sin fuente
sources_single = { $count } { $n ->
    [one] se basa
   *[other] se basan
} en una sola fuente (ninguna otra fuente respalda la posición del mismo actor sobre el tema)
sources_paraphrase = { $count } { $n ->
    [one] no tiene
   *[other] no tienen
} cita directa, o solo una paráfrasis
sources_retracted = { $count } { $n ->
    [one] se basa
   *[other] se basan
} en una fuente retirada
sources_on_file = Fuentes registradas
sources_source = Fuente
sources_grade = Calificación
sources_not_graded_short = sin calificar

## Historial de aciertos

track_record_lede = Cómo les fue a los juicios clave de la redacción en preguntas ya resueltas. Cada juicio recibe su puntuación de Brier, el cuadrado de la distancia entre la probabilidad que dio y lo que ocurrió (1 si se cumplió, 0 si no): 0 es un pronóstico perfecto; 0,25, lo que obtiene quien siempre dice 50 %; 1, el peor.
track_record_scores = Puntuaciones
track_record_desk = La redacción: { $score } en { $n ->
    [one] { $n } juicio.
   *[other] { $n } juicios.
}
track_record_desk_later = La redacción: { $score } en { $n ->
    [one] { $n } juicio
   *[other] { $n } juicios
}; { $later ->
    [one] { $later } emitido después de resolverse su pregunta no se puntúa.
   *[other] { $later } emitidos después de resolverse su pregunta no se puntúan.
}
track_record_by_author = Por autor (un juicio cuenta para cada autor de su informe)
track_record_judgments = Juicios
track_record_mean_brier = Puntuación de Brier media
track_record_calibration = Calibración
track_record_levels_label = Calibración por nivel, tabla que se desplaza en horizontal
track_record_levels_caption = Juicios puntuados por nivel de probabilidad
track_record_band = Franja
track_record_stated = Declarada, de media
track_record_observed = Observada
track_record_scored = Juicios puntuados
track_record_scored_caption = Juicios puntuados, del más reciente al más antiguo

## Página no encontrada

not_found_heading = Página no encontrada
not_found_text = No hay ninguna página en esta dirección. Pruebe con los { $latest }, la { $timeline } o la { $search }.
not_found_latest = últimos informes
not_found_timeline = cronología
not_found_search = búsqueda
