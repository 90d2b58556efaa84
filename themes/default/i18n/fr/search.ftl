# La page de recherche et ce que dit son script (voir en/search.ftl).

search_title = Recherche
search_label = Cherchez dans chaque mot de chaque note, et dans les noms, alias et mots-clés ; mettez une expression « entre guillemets »
search_button = Rechercher
search_narrow = Affiner
search_actor = Acteur
search_any_actor = Tous les acteurs
search_place = Lieu
search_any_place = Tous les lieux
search_topic = Sujet
search_any_topic = Tous les sujets
search_tag = Mot-clé
search_any_tag = Tous les mots-clés
search_from = Du
search_to = Au
search_noscript = La recherche a besoin de JavaScript. Sans lui, parcourez ces listes :
search_entities_label = Acteurs, lieux et sujets
search_more = Afficher plus de résultats
search_further = Chercher plus loin
search_loading = Chargement de l’index…
search_failed = L’index de recherche n’a pas pu être chargé.
search_stale = L’index de recherche a changé depuis le chargement de cette page : rechargez-la pour chercher.
search_found = { $n ->
    [0] Aucune note trouvée.
    [one] { $n } note trouvée.
    [many] { $n } de notes trouvées.
   *[other] { $n } notes trouvées.
}
search_phrase = Au moins { $found } trouvées avec l’expression exacte ; { $checked } des { $total } notes contenant tous ses mots vérifiées jusqu’ici.
search_rough = Classées comme si l’expression figurait dans le texte.
search_completed = Le dernier mot a été complété par ses mots les plus fréquents : tapez la suite pour affiner.
search_cut = { $n ->
    [one] Seul le premier mot a été cherché.
   *[other] Seuls les { $n } premiers mots ont été cherchés.
}
search_count = { $n ->
    [one] { $n } note
    [many] { $n } de notes
   *[other] { $n } notes
}
search_kind_actor = acteur
search_kind_place = lieu
search_kind_topic = sujet
search_kind_author = auteur
