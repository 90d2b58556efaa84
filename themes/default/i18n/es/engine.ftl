# Palabras que el motor escribe en las páginas, los canales y las tarjetas para compartir.
# El papel de cada mensaje se explica en en/engine.ftl.

stance_supports = a favor
stance_opposes = en contra
stance_mixed = dividida
stance_neutral = neutral
stance_unclear = poco clara

tally_supports = a favor
tally_opposes = en contra
tally_mixed = { $n ->
    [one] dividida
   *[other] divididas
}
tally_neutral = { $n ->
    [one] neutral
   *[other] neutrales
}
tally_unclear = { $n ->
    [one] poco clara
   *[other] poco claras
}

kind_actor = Actor
kind_place = Lugar
kind_topic = Tema
kind_author = Autor
kind_actors = Actores
kind_places = Lugares
kind_topics = Temas
kind_authors = Autores

likelihood_almost_no_chance = casi ninguna posibilidad
likelihood_very_unlikely = muy improbable
likelihood_unlikely = improbable
likelihood_roughly_even_chance = posibilidades más o menos iguales
likelihood_likely = probable
likelihood_very_likely = muy probable
likelihood_almost_certain = casi seguro
confidence_low = baja
confidence_moderate = moderada
confidence_high = alta
answer_yes = sí
answer_no = no

number_percent = { $value } %
number_percent_band = { $low }–{ $high } %

page_title_paged = { $title }, página { $n } de { $count }
page_title_all_briefings = Todos los informes
page_title_timeline = Cronología
page_title_tags = Etiquetas
page_title_tagged = Etiqueta «{ $tag }»
page_title_search = Buscar
page_description_search = Buscar en los informes de { $site }
page_title_not_found = Página no encontrada
page_title_corrections = Correcciones y actualizaciones
page_title_network = Red de actores
page_description_network = Quién aparece con quién: los actores más citados y las parejas citadas juntas con más frecuencia
page_description_role = { $name }: { $role }
page_title_as_of = { $name } a { $date }
page_description_as_of_topic = Quién estaba dónde sobre «{ $name }» al final del { $date }
page_description_as_of_actor = Las posiciones de { $name } al final del { $date }
page_title_alignment = Quién coincide con quién
page_description_alignment = Con qué frecuencia cada pareja de actores adopta la misma posición en los temas sobre los que ambos tienen una
page_title_alignment_month = Quién coincidía con quién, { $month }
page_description_alignment_month = Con qué frecuencia cada pareja de actores adoptó la misma posición, según las tomas de posición fechadas hasta el final de { $month }
page_title_compare = { $a } y { $b }, comparados
page_description_compare = En qué coinciden y en qué difieren { $a } y { $b }, tema por tema, y desde cuándo
page_title_track_record = Historial de aciertos
page_description_track_record = Cómo resultaron los juicios clave de la redacción en las cuestiones ya resueltas
page_title_sources = Fuentes
page_description_sources = En qué se apoyan las afirmaciones de este sitio.
page_description_source = Lo que se apoya en { $title }.
crumb_timeline = Cronología
crumb_tags = Etiquetas
crumb_alignment = Quién coincide con quién
crumb_sources = Fuentes

period_range = { $from } – { $to }
period_since = desde el { $from }
period_until = hasta el { $to }

coords = { $lat }° { $ns }, { $lon }° { $ew }
coords_north = N
coords_south = S
coords_east = E
coords_west = O
map_locator_summary = Mapa de los alrededores de { $name }, con su ubicación señalada
map_locator_summary_parent = Mapa de los alrededores de { $shown }, con su ubicación señalada: { $name } no tiene coordenadas propias
map_world_summary = Mapa del mundo con { $n ->
    [one] { $n } lugar
   *[other] { $n } lugares
}, cada uno marcado con un círculo cuya área crece con los informes que lo citan
map_world_summary_most = Mapa del mundo con { $n ->
    [one] { $n } lugar
   *[other] { $n } lugares
}, cada uno marcado con un círculo cuya área crece con los informes que lo citan (los { $n } más citados de { $total })

network_ego_summary = { $name } y los { $n } actores que aparecen con más frecuencia a su lado; una línea une a dos actores citados en los mismos informes, más gruesa cuanto más a menudo
network_site_summary = Los { $n } actores más citados; una línea une a dos de ellos citados en los mismos informes, más gruesa cuanto más a menudo ({ $pairs } parejas)

chart_stance_summary = Historial de posiciones: { $actors ->
    [one] { $actors } actor
   *[other] { $actors } actores
}, { $stances ->
    [one] { $stances } toma de posición
   *[other] { $stances } tomas de posición
} { $period }. La tabla ofrece las mismas posiciones como texto.
chart_stance_period_day = el { $date }
chart_stance_period = del { $from } al { $to }
chart_mark_title = { $date }: { $position } — { $title }
chart_week_of = semana del { $date }
chart_bar_title = { $period }: { $n ->
    [one] { $n } informe
   *[other] { $n } informes
}
chart_activity_summary = Informes por { $unit ->
    [week] semana
   *[month] mes
}, { $first } – { $last }: { $total } en total, máximo en { $busiest } ({ $count }).
chart_calibration_point = { $likelihood }: { $n ->
    [one] { $n } juicio
   *[other] { $n } juicios
}, { $percent } cumplidos
chart_calibration_summary = Calibración de { $n ->
    [one] { $n } juicio puntuado
   *[other] { $n } juicios puntuados
} en { $levels ->
    [one] { $levels } nivel
   *[other] { $levels } niveles
} de probabilidad: la probabilidad declarada frente a la frecuencia con que se cumplieron; la diagonal es la calibración perfecta

alignment_cell_none = no comparten ningún tema
alignment_cell = coinciden en { $agree } de { $shared ->
    [one] { $shared } tema
   *[other] { $shared } temas
} ({ $percent })
alignment_cell_label = { $a } y { $b } { $cell }

grade_reliability_a = Completamente fiable
grade_reliability_b = Normalmente fiable
grade_reliability_c = Bastante fiable
grade_reliability_d = Normalmente no fiable
grade_reliability_e = No fiable
grade_reliability_f = Fiabilidad imposible de juzgar
grade_credibility_1 = Confirmada por otras fuentes
grade_credibility_2 = Probablemente cierta
grade_credibility_3 = Posiblemente cierta
grade_credibility_4 = Dudosa
grade_credibility_5 = Improbable
grade_credibility_6 = Veracidad imposible de juzgar
grade_label = { $reliability }; { $credibility }
grade_label_reliability_only = { $reliability }; credibilidad sin evaluar
grade_label_credibility_only = Fiabilidad sin evaluar; { $credibility }
grade_no_reliability = Sin fiabilidad indicada

feed_title_entity = { $name } — { $site }
feed_title_tag = Etiqueta «{ $tag }» — { $site }
feed_title_corrections = Correcciones — { $site }
feed_title_changes = Cambios de posición — { $site }
feed_title_changes_of = { $name }: cambios de posición — { $site }
feed_correction_summary = Corrección: { $text }
feed_change_summary = «{ $quote }» — { $title }

change_sentence = { $actor }: { $change } ({ $topic }), { $date }
change_from_to = { $from } → { $to }
change_first = toma posición: { $to }
change_per = { $sentence }, según { $by }
change_source = { $sentence } [{ $source }]

card_alt = { $title } — { $site }, { $date }

redirect_title = Trasladada: { $title }
redirect_heading = Página trasladada
redirect_text = Esta página está ahora en { $link }.
body_footnote_back = Volver al texto
body_task_done = hecho
body_task_not_done = pendiente
