# Mots que le moteur écrit dans les pages, les flux et les cartes de partage.
# Voir en/engine.ftl pour le rôle de chaque message.

stance_supports = pour
stance_opposes = contre
stance_mixed = mitigé
stance_neutral = neutre
stance_unclear = incertain

tally_supports = pour
tally_opposes = contre
tally_mixed = { $n ->
    [one] mitigé
   *[other] mitigés
}
tally_neutral = { $n ->
    [one] neutre
   *[other] neutres
}
tally_unclear = { $n ->
    [one] incertain
   *[other] incertains
}

kind_actor = Acteur
kind_place = Lieu
kind_topic = Sujet
kind_author = Auteur
kind_actors = Acteurs
kind_places = Lieux
kind_topics = Sujets
kind_authors = Auteurs

likelihood_almost_no_chance = quasiment exclu
likelihood_very_unlikely = très improbable
likelihood_unlikely = improbable
likelihood_roughly_even_chance = à peu près une chance sur deux
likelihood_likely = probable
likelihood_very_likely = très probable
likelihood_almost_certain = quasiment certain
confidence_low = faible
confidence_moderate = moyenne
confidence_high = élevée
answer_yes = oui
answer_no = non

number_percent = { $value } %
number_percent_band = { $low }–{ $high } %

page_title_paged = { $title }, page { $n } sur { $count }
page_title_all_briefings = Toutes les notes
page_title_timeline = Chronologie
page_title_tags = Mots-clés
page_title_tagged = Mot-clé « { $tag } »
page_title_search = Recherche
page_description_search = Rechercher dans les notes de { $site }
page_title_not_found = Page introuvable
page_title_corrections = Corrections et mises à jour
page_title_network = Réseau des acteurs
page_description_network = Qui est cité avec qui : les acteurs les plus cités et les paires le plus souvent citées ensemble
page_description_role = { $name } : { $role }
page_title_as_of = { $name } au { $date }
page_description_as_of_topic = Qui se tenait où sur « { $name } » à la fin du { $date }
page_description_as_of_actor = Les positions de { $name } à la fin du { $date }
page_title_alignment = Qui est d’accord avec qui
page_description_alignment = À quelle fréquence chaque paire d’acteurs prend la même position sur les sujets où les deux en ont une
page_title_alignment_month = Qui était d’accord avec qui, { $month }
page_description_alignment_month = À quelle fréquence chaque paire d’acteurs a pris la même position, d’après les prises de position datées jusqu’à la fin de { $month }
page_title_compare = { $a } et { $b } comparés
page_description_compare = Où { $a } et { $b } s’accordent et divergent, sujet par sujet, et depuis quand
page_title_track_record = Bilan des jugements
page_description_track_record = Comment les jugements clés de la rédaction ont tenu sur les questions désormais tranchées
page_title_sources = Sources
page_description_sources = D’où viennent les affirmations de ce site.
page_description_source = Ce qui repose sur { $title }.
crumb_timeline = Chronologie
crumb_tags = Mots-clés
crumb_alignment = Qui est d’accord avec qui
crumb_sources = Sources

period_range = { $from } – { $to }
period_since = depuis le { $from }
period_until = jusqu’au { $to }

coords = { $lat }° { $ns }, { $lon }° { $ew }
coords_north = N
coords_south = S
coords_east = E
coords_west = O
map_locator_summary = Carte des environs de { $name }, avec son emplacement signalé
map_locator_summary_parent = Carte des environs de { $shown }, avec son emplacement signalé : { $name } n’a pas de coordonnées propres
map_world_summary = Carte du monde { $n ->
    [one] d’{ $n } lieu
   *[other] de { $n } lieux
}, chacun marqué d’un cercle dont l’aire croît avec le nombre de notes qui le citent
map_world_summary_most = Carte du monde { $n ->
    [one] d’{ $n } lieu
   *[other] de { $n } lieux
}, chacun marqué d’un cercle dont l’aire croît avec le nombre de notes qui le citent (les { $n } plus cités sur { $total })

network_ego_summary = { $name } et les { $n } acteurs le plus souvent cités en même temps ; une ligne relie deux acteurs cités dans les mêmes notes, d’autant plus épaisse qu’ils le sont souvent
network_site_summary = Les { $n } acteurs les plus cités ; une ligne relie deux d’entre eux cités dans les mêmes notes, d’autant plus épaisse qu’ils le sont souvent ({ $pairs } paires)

chart_stance_summary = Historique des positions : { $actors ->
    [one] { $actors } acteur
   *[other] { $actors } acteurs
}, { $stances ->
    [one] { $stances } prise de position
   *[other] { $stances } prises de position
} { $period }. Le tableau donne les mêmes positions sous forme de texte.
chart_stance_period_day = le { $date }
chart_stance_period = du { $from } au { $to }
chart_mark_title = { $date } : { $position } — { $title }
chart_week_of = semaine du { $date }
chart_bar_title = { $period } : { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
chart_activity_summary = Notes par { $unit ->
    [week] semaine
   *[month] mois
}, { $first } – { $last } : { $total } en tout, au plus fort { $busiest } ({ $count }).
chart_calibration_point = { $likelihood } : { $n ->
    [one] { $n } jugement
   *[other] { $n } jugements
}, { $percent } vérifiés
chart_calibration_summary = Calibration { $n ->
    [one] d’{ $n } jugement noté
   *[other] de { $n } jugements notés
} sur { $levels ->
    [one] { $levels } niveau
   *[other] { $levels } niveaux
} de probabilité : la probabilité annoncée face à la fréquence à laquelle ils se sont vérifiés ; la diagonale est une calibration parfaite

alignment_cell_none = aucun sujet en commun
alignment_cell = d’accord sur { $agree } { $agree ->
    [one] sujet
   *[other] sujets
} sur { $shared } ({ $percent })
alignment_cell_label = { $a } et { $b } : { $cell }

grade_reliability_a = Entièrement fiable
grade_reliability_b = Habituellement fiable
grade_reliability_c = Plutôt fiable
grade_reliability_d = Pas toujours fiable
grade_reliability_e = Peu fiable
grade_reliability_f = Fiabilité impossible à évaluer
grade_credibility_1 = Confirmé par d’autres sources
grade_credibility_2 = Probablement vrai
grade_credibility_3 = Peut-être vrai
grade_credibility_4 = Douteux
grade_credibility_5 = Improbable
grade_credibility_6 = Véracité impossible à évaluer
grade_label = { $reliability } ; { $credibility }
grade_label_reliability_only = { $reliability } ; crédibilité non évaluée
grade_label_credibility_only = Fiabilité non évaluée ; { $credibility }
grade_no_reliability = Fiabilité non indiquée

feed_title_entity = { $name } — { $site }
feed_title_tag = Mot-clé « { $tag } » — { $site }
feed_title_corrections = Corrections — { $site }
feed_title_changes = Changements de position — { $site }
feed_title_changes_of = { $name } : changements de position — { $site }
feed_correction_summary = Correction : { $text }
feed_change_summary = « { $quote } » — { $title }

change_sentence = { $actor } : { $change } ({ $topic }), { $date }
change_from_to = { $from } → { $to }
change_first = prend position : { $to }
change_per = { $sentence }, selon { $by }
change_source = { $sentence } [{ $source }]

card_alt = { $title } — { $site }, { $date }

redirect_title = Page déplacée : { $title }
redirect_heading = Page déplacée
redirect_text = Cette page se trouve désormais à l’adresse { $link }.
body_footnote_back = Retour au texte
body_task_done = fait
body_task_not_done = à faire
