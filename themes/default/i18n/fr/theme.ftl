# Les mots des gabarits du thème par défaut, en français (voir en/theme.ftl pour le rôle de
# chaque message). Espaces insécables avant « : », « ; », « % » et dans les guillemets.

## Toutes les pages

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
feed_atom_title = { $title } (Atom)
feed_json_title = { $title } (JSON Feed)
feed_changes_atom_title = Changements de position (Atom)
feed_changes_json_title = Changements de position (JSON Feed)
footer_atom_feed = Flux Atom
footer_sitemap = Plan du site
footer_sources = Sources
footer_track_record = Bilan des prévisions
footer_page_feed = Flux de cette page
alignment_link = Qui s’accorde avec qui
alignment_link_after = qui s’accorde avec qui
network_link = Qui est cité avec qui

## Mots communs

list_separator = {", "}
list_last_separator = {" et "}
pair = { $a } et { $b }
kind_briefing = Note
kind_source = Source
kind_tag = Mot-clé
kind_comparison = Comparaison
column_actor = Acteur
column_topic = Sujet
position_supports = pour
position_opposes = contre
position_mixed = mitigé
position_neutral = neutre
position_unclear = incertain
position_was = était { $position }
confidence_label_low = confiance faible
confidence_label_moderate = confiance modérée
confidence_label_high = confiance élevée
page_n_of = page { $n } sur { $count }
aliases_line = Autres graphies : { $names }
stub_note = Pas encore de fiche : cette page reprend ce que disent les notes.
linked_from = Cité par
latest_n_of = Les { $shown } éléments les plus récents, sur { $total }.
and_n_more = et { $n ->
    [one] { $n } autre
   *[other] { $n } autres
}
shift_to = à
count_title = notes
count_title_both = notes citant les deux
see_it_now = Voir la situation actuelle
now = Aujourd’hui
entity_briefings_heading = Notes citant { $name }
briefings_empty = Aucune note pour l’instant.
source_retracted_on = retirée le { $date }
source_graded_title = Cote { $grade } : { $label }
source_with_publisher = { $title } ({ $publisher })
stance_on_topic = Sur { $topic }, { $actor } : { $position }
stance_on_topic_quoted = Sur { $topic }, { $actor } : { $position } — { $quote }

## Fil d’Ariane, pagination, sommaire

crumbs_label = Fil d’Ariane
crumbs_home = Accueil
pager_label = Pagination
pager_first = Première
pager_previous = Précédente
pager_next = Suivante
pager_last = Dernière
pager_page = Page { $n }
toc_label = Sommaire

## Tableaux des positions et légende

positions_now = Position actuelle
positions_history = Historique
positions_history_hint = chronologique
positions_last_change = Dernier changement
positions_changed_on = a changé le { $date }
positions_no_change = inchangée
history_label = Historique, dans l’ordre chronologique
history_earlier = +{ $n } { $n ->
    [one] antérieure
   *[other] antérieures
}
history_mark_title = { $date } : { $position } — { $title }
history_mark_grade = (source cotée { $grade })
history_mark_retracted = (source retirée)
history_mark_as_of = (voir le tableau à cette date)
history_mark_text = { $date } : { $position }
history_mark_text_grade = , source cotée { $grade }
history_mark_text_retracted = , source retirée
legend_label = Positions
tally_count_supports = { $n } pour
tally_count_opposes = { $n } contre
tally_count_mixed = { $n ->
    [one] { $n } mitigé
   *[other] { $n } mitigés
}
tally_count_neutral = { $n ->
    [one] { $n } neutre
   *[other] { $n } neutres
}
tally_count_unclear = { $n ->
    [one] { $n } incertain
   *[other] { $n } incertains
}
evidence_grade_title = Source cotée { $grade } : { $label }
evidence_retracted = source retirée le { $date }
evidence_unsourced = sans source
evidence_single_source = source unique
evidence_paraphrase = paraphrase seulement
data_links_intro = Données pour les analystes :
data_links_stances = toutes les prises de position (CSV)
data_links_entities = acteurs, lieux et sujets (JSON)
data_links_graph = qui est cité avec qui (JSON)

## Graphiques et cartes

stance_chart_caption = Chaque repère est une prise de position, placée à la date de sa note (quand les prises de position se serrent, un seul repère montre la position majoritaire) ; la forme et la couleur indiquent la position.
sparkline_caption = Notes par { $unit ->
    [week] semaine
   *[month] mois
}, { $first } – { $last } ({ $max } au plus)
sparkline_caption_one = Notes par { $unit ->
    [week] semaine
   *[month] mois
}, { $first } ({ $max } au plus)
network_caption = Cercles : notes citant chaque acteur ; traits : notes citant les deux.
network_caption_link = Le réseau des acteurs les plus cités
network_node_label = { $name } : cité dans { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
locator_caption = Localisation : { $name }
locator_caption_shown_at = Localisation : { $name } (repère placé sur { $place })
locator_caption_dots = ; points : lieux qui s’y trouvent
world_map_marker = { $name } : { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
world_map_shown_at = (repère placé sur { $place })
world_map_caption = Les lieux selon le nombre de notes qui les citent : plus le cercle est grand, plus les notes sont nombreuses.
world_map_caption_capped = Les lieux selon le nombre de notes qui les citent : plus le cercle est grand, plus les notes sont nombreuses (les { $shown } plus cités sur { $total } lieux localisés).
calibration_axis = Probabilité annoncée
calibration_caption = Probabilité annoncée (en abscisse) face à la fréquence à laquelle les jugements se sont vérifiés (en ordonnée) ; chaque cercle est un niveau de probabilité, dont la taille et l’étiquette donnent le nombre de jugements. Sur la diagonale, un niveau se vérifie aussi souvent qu’il l’annonce. Le tableau ci-dessous reprend les mêmes chiffres.

## Accueil

home_latest = Dernières notes
home_all_briefings = { $n ->
    [one] L’unique note
   *[other] Les { $n } notes
}
home_by_month = mois par mois dans la chronologie
home_empty = Les notes sont des fichiers Markdown dans { $folder } : { $command } en crée une.
home_example_title = Un titre
home_changes = Positions qui ont bougé
home_more_changes = { $n ->
    [one] { $n } autre sur { $topic }
   *[other] { $n } autres sur { $topic }
}
home_top_actors = Acteurs les plus cités
home_top_places = Lieux les plus cités

## Note

briefing_embargoed_until = Sous embargo jusqu’au { $date }
briefing_embargo_note = { $until } : absente des versions publiées d’ici là.
briefing_expired_on = Expirée le { $date }
briefing_expired_note = { $expired } : absente des versions publiées depuis.
briefing_updated = mise à jour le { $date }
briefing_draft = Brouillon
briefing_by = Par { $names }
briefing_reviewed_by = Relu par { $names }
briefing_also_reviewed_by = relu par { $names }
briefing_assessed = Évaluation : { $confidence }
briefing_retracted_source = Source retirée
briefing_retracted_banner = { $label } : { $source } a été retirée le { $date }. Les prises de position qui s’y appuient sont barrées.
briefing_retracted_banner_note = { $label } : { $source } a été retirée le { $date } : { $note } Les prises de position qui s’y appuient sont barrées.
briefing_correction = Correction
briefing_correction_box = { $label } du { $date } : { $text }
briefing_key_judgments = Jugements clés
judgment_on = sur { $topic }
judgment_answer_no = (la réponse est non)
briefing_at_a_glance = En bref
briefing_then = (alors { $name })
briefing_stances = Prises de position
stances_on = Sur
stances_position = Position
stances_said = Propos tenus
stances_said_short = Propos
stances_voiced_by = exprimée par { $name }
stances_voiced_by_role = exprimée par { $name }, { $role }
stances_source_label = Source { $n }
briefing_sources = Sources
briefing_about_source = à propos de cette source
corrections_heading = Corrections et mises à jour
briefing_all_corrections = Toutes les corrections du site
briefing_related = Notes liées
related_links_here = renvoie ici
related_shares = cite aussi { $names }
related_shares_more = cite aussi { $names } et { $n ->
    [one] { $n } autre
   *[other] { $n } autres
}

## Listes de notes, mots-clés, chronologie, corrections

briefings_newest_first = Les plus récentes d’abord
briefings_range = { $first }–{ $last } sur { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
briefings_heading = Toutes les notes
tag_heading = Mot-clé « { $name } »
tags_empty = Aucun mot-clé pour l’instant.
timeline_years = Années
timeline_continued = suite
timeline_change = { $actor } sur { $topic } : { $change }
corrections_lede = Les dernières corrections et mises à jour des notes, des plus récentes aux plus anciennes.
corrections_feed = Flux

## Acteurs, lieux, auteurs

actor_affiliated_with = Rattachement : { $actor }
actor_over_time = Fonctions et rattachements au fil du temps
actor_roles = Fonctions
actor_affiliations = Rattachements
actor_names = Noms
actor_positions = Positions par sujet
actor_positions_capped = Les { $shown } sujets comptant le plus de prises de position, sur { $total }.
actor_compare = Comparer avec
actor_compare_note = Sujet par sujet : où ils s’accordent, où ils divergent, et depuis quand.
actor_voiced = Positions exprimées au nom d’autres acteurs
actor_members = Acteurs rattachés
actor_co_actors = Cités avec
place_in = localisation : { $place }
place_coordinates = Coordonnées :
place_osm = Carte sur OpenStreetMap
place_names_over_time = Noms au fil du temps
place_within = Lieux compris dans « { $name } »
place_actors = Acteurs présents ici
author_stub_note = Pas encore de fiche : cette page reprend les notes qui portent sa signature.
author_briefings_heading = Notes signées { $name }
author_reviewed_heading = Relues par { $name }
entities_network_note = { $link } : les acteurs les plus cités, en dessin.
entities_no_profile = sans fiche
entities_none = Aucun pour l’instant.

## Sujet

topic_named_in = cité dans { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
topic_stale = En sommeil
topic_stale_note = Aucune note depuis le { $since } (la rédaction considère un sujet en sommeil au bout de { $n } jours).
topic_resolution = Dénouement
topic_resolved = Tranché le { $date } : { $outcome }
topic_fared = Ce que valaient les jugements de la rédaction
topic_scored = { $n ->
    [one] { $n } jugement évalué.
   *[other] { $n } jugements évalués.
}
topic_scored_brier = { $n ->
    [one] { $n } jugement évalué
   *[other] { $n } jugements évalués
}, avec un score de Brier moyen de { $brier } (0 est parfait ; 0,25 est ce que rapporte un 50 % systématique).
topic_later = Les jugements émis après le dénouement sont listés, mais non évalués.
topic_track_record_link = Le bilan des prévisions de la rédaction
topic_judgments_caption = Jugements sur cette question, du plus ancien au plus récent
topic_no_judgment = Aucune note n’a émis de jugement sur cette question.
topic_matrix = Qui se positionne où
topic_matrix_capped = Les { $shown } acteurs comptant le plus de prises de position, sur { $total }.
topic_no_stances = Aucune prise de position enregistrée pour l’instant.
topic_stances_over_time = Prises de position au fil du temps
topic_briefings_heading = Notes sur { $name }
scored_briefing = Note
scored_judgment = Jugement
scored_question = Question
scored_likelihood = Probabilité
scored_answer = Réponse
scored_came_true = Vérifié
scored_brier = Score de Brier
scored_not_counted = non évalué : émis après le dénouement

## Un sujet ou un acteur à une date

as_of_kicker = au { $date }, changement { $n } sur { $count }
as_of_heading = { $name } au { $date }
as_of_lede = La situation à la fin du { $date }, d’après les notes datées de ce jour ou d’avant. { $now }.
as_of_changes_label = Changements
as_of_unpaged = { $n ->
    [one] { $n } jour de changement antérieur : voir les notes
   *[other] { $n } jours de changement antérieurs : voir les notes
}
as_of_first = Premier changement
as_of_latest = Dernier changement
as_of_matrix_topic = Qui se positionnait où
as_of_capped = Les { $shown } comptant le plus de prises de position à cette date, sur { $total }.
as_of_position_then = Position alors
as_of_changes = Changements ce jour-là
as_of_change = { $name } : { $from } → { $to }
as_of_change_first = { $name } prend position : { $to }
as_of_change_in = dans { $briefing }

## Qui s’accorde avec qui, deux acteurs comparés

alignment_as_of = à la fin de { $month }
alignment_lede = Pour chaque paire d’acteurs, la part des sujets sur lesquels tous deux ont une position claire et où ils prennent la même, d’après la dernière prise de position de chaque acteur sur chaque sujet. Les acteurs qui font cause commune sont placés côte à côte.
alignment_lede_month = Pour chaque paire d’acteurs, la part des sujets sur lesquels tous deux ont une position claire et où ils prennent la même, d’après les prises de position des notes datées jusqu’au dernier jour de { $month }. { $now }. Les acteurs qui font cause commune sont placés côte à côte.
alignment_snapshots = Instantanés
alignment_first = Premier instantané
alignment_latest = Dernier
alignment_matrix = Accord entre acteurs
alignment_capped = Les { $shown } acteurs ayant une position sur le plus de sujets, sur { $total } qui partagent un sujet avec un autre.
alignment_table_label = Tableau des accords, défilement horizontal
alignment_caption = Accord en pourcentage des sujets partagés ; case vide : aucun sujet en commun. Chaque paire n’apparaît qu’une fois. Un nombre en lien ouvre la comparaison de la paire.
alignment_colours = Couleurs
alignment_none = Aucune paire d’acteurs ne partageait de sujet à cette date.
alignment_pairs = Paires comparées
alignment_pairs_note = Les paires le plus souvent citées ensemble, sujet par sujet.
alignment_months = Mois par mois
alignment_months_note = Chacun tel qu’il se présentait à la fin du mois.
compare_since = Depuis
compare_no_stance = pas de position
compare_agree_count = { $agree } sur { $shared }
compare_agree = Ils s’accordent sur { $count } { $shared ->
    [one] sujet partagé
   *[other] sujets partagés
} ({ $percent } %), d’après la dernière prise de position de chacun.
compare_none_shared = Ils ne partagent aucun sujet sur lequel tous deux ont une position claire, d’après la dernière prise de position de chacun.
compare_together = Cités ensemble dans { $n ->
    [one] { $n } note.
   *[other] { $n } notes.
}
compare_differ = Là où ils divergent
compare_agreed = Là où ils s’accordent
compare_one_sided = Un seul a une position claire
compare_listed = { $listed } des { $total } sujets sur lesquels l’un ou l’autre a pris position sont listés.
compare_alignment_note = { $link } : toutes les paires d’acteurs.

## Réseau des acteurs

network_heading = Réseau des acteurs
network_lede_capped = Les { $shown } acteurs les plus cités sur { $total }, et qui est cité avec qui parmi eux.
network_lede = { $total ->
    [one] L’acteur cité
   *[other] Les { $total } acteurs cités
}, et qui est cité avec qui parmi eux.
network_none = Aucune note ne cite encore d’acteur.
network_pairs = Le plus souvent cités ensemble
network_col_actors = Acteurs
network_col_both = Notes citant les deux
network_most_named = Acteurs les plus cités

## Sources

source_graded = Cote { $grade } : { $label }.
source_retracted = Retirée
source_retracted_banner = { $label } le { $date }. Les prises de position qui s’y appuient sont barrées à partir de ce jour.
source_retracted_banner_note = { $label } le { $date } : { $note } Les prises de position qui s’y appuient sont barrées à partir de ce jour.
source_read = Lire la source
source_stances = Prises de position qui s’y appuient
source_stance_quoted = { $stance } — « { $quote } »
source_briefings = Notes qui la citent
source_none = Aucune.
sources_lede = Sur quoi reposent { $n ->
    [one] la prise de position enregistrée
   *[other] les { $n } prises de position enregistrées
} sur ce site. Les cotes suivent l’échelle du site : une lettre pour la fiabilité de la source, un chiffre pour la crédibilité de l’information.
sources_rest_on = Sur quoi reposent les prises de position
sources_reliability = Fiabilité de la source
sources_stances = Prises de position
sources_not_graded = Non cotée
sources_no_source = Sans source
sources_single = { $count } { $n ->
    [one] repose
   *[other] reposent
} sur une source unique (aucune autre source n’étaye la position du même acteur sur ce sujet)
sources_paraphrase = { $count } { $n ->
    [one] n’a
   *[other] n’ont
} pas de citation directe, ou seulement une paraphrase
sources_retracted = { $count } { $n ->
    [one] repose
   *[other] reposent
} sur une source retirée
sources_on_file = Sources répertoriées
sources_source = Source
sources_grade = Cote
sources_not_graded_short = non cotée

## Bilan des prévisions

track_record_lede = Ce que valaient les jugements clés de la rédaction sur les questions tranchées. Chaque jugement reçoit son score de Brier, le carré de l’écart entre la probabilité annoncée et ce qui s’est produit (1 si l’événement a eu lieu, 0 sinon) : 0 est une prévision parfaite, 0,25 ce que rapporte un 50 % systématique, 1 la pire.
track_record_scores = Scores
track_record_desk = La rédaction : { $score } sur { $n ->
    [one] { $n } jugement.
   *[other] { $n } jugements.
}
track_record_desk_later = La rédaction : { $score } sur { $n ->
    [one] { $n } jugement
   *[other] { $n } jugements
} ; { $later ->
    [one] { $later } jugement émis après le dénouement de sa question n’est pas évalué.
   *[other] { $later } jugements émis après le dénouement de leur question ne sont pas évalués.
}
track_record_by_author = Par auteur (un jugement compte pour chaque auteur de sa note)
track_record_judgments = Jugements
track_record_mean_brier = Score de Brier moyen
track_record_calibration = Calibration
track_record_levels_label = Calibration par niveau, tableau à défilement horizontal
track_record_levels_caption = Jugements évalués par niveau de probabilité
track_record_band = Fourchette
track_record_stated = Annoncé, en moyenne
track_record_observed = Observé
track_record_scored = Jugements évalués
track_record_scored_caption = Jugements évalués, du plus récent au plus ancien

## Page introuvable

not_found_heading = Page introuvable
not_found_text = Il n’y a aucune page à cette adresse. Essayez les { $latest }, la { $timeline } ou la { $search }.
not_found_latest = dernières notes
not_found_timeline = chronologie
not_found_search = recherche
