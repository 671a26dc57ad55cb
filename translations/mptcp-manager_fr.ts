<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActivityPage</name>
    <message>
        <source>&amp;Pause</source>
        <translation>Mettre en &amp;pause</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>E&amp;ffacer</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>What the kernel&apos;s path manager reported, newest last: connections and paths opening and closing, addresses the other side announced. The same events as “ip mptcp monitor”, in words.</source>
        <translation>Ce que le gestionnaire de chemins du noyau a signalé, le plus récent en dernier&#xa0;: connexions et chemins qui s’ouvrent et se ferment, adresses annoncées par l’autre côté. Les mêmes événements que «&#xa0;ip mptcp monitor&#xa0;», en clair.</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>Event type filter</source>
        <translation>Filtre par type d’événement</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>C&amp;onnexion&#xa0;:</translation>
    </message>
    <message>
        <source>Connection filter</source>
        <translation>Filtre par connexion</translation>
    </message>
    <message>
        <source>All connections</source>
        <translation>Toutes les connexions</translation>
    </message>
    <message>
        <source>Pause the log</source>
        <translation>Mettre le journal en pause</translation>
    </message>
    <message>
        <source>Stop adding rows while you read; new events wait and are added when you resume.</source>
        <translation>Arrêter l’ajout de lignes pendant la lecture&#xa0;; les nouveaux événements attendent et sont ajoutés à la reprise.</translation>
    </message>
    <message>
        <source>Copy selected events</source>
        <translation>Copier les événements sélectionnés</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Exporter le journal</translation>
    </message>
    <message>
        <source>Save the events shown as CSV or JSON.</source>
        <translation>Enregistrer les événements affichés au format CSV ou JSON.</translation>
    </message>
    <message>
        <source>Clear the log</source>
        <translation>Effacer le journal</translation>
    </message>
    <message>
        <source>Events waiting</source>
        <translation>Événements en attente</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Resume the log</source>
        <translation>Reprendre le journal</translation>
    </message>
    <message>
        <source>Paused: %1 new events are waiting and will be added when you resume.</source>
        <translation>En pause&#xa0;: %1 nouveaux événements attendent et seront ajoutés à la reprise.</translation>
    </message>
    <message>
        <source>Copied %1 events.</source>
        <translation>%1 événements copiés.</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>Exporter les événements</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>Fichiers CSV (*.csv);;Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Impossible d’enregistrer %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>AddEndpointDialog</name>
    <message>
        <source>no address</source>
        <translation>aucune adresse</translation>
    </message>
    <message>
        <source> (down)</source>
        <translation> (inactive)</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>Ajouter un point de terminaison</translation>
    </message>
    <message>
        <source>An endpoint is an address of this computer that MPTCP may use for extra paths. Pick the network it belongs to.</source>
        <translation>Un point de terminaison est une adresse de cet ordinateur que MPTCP peut utiliser pour des chemins supplémentaires. Choisissez le réseau auquel elle appartient.</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Any interface (the routing table decides)</source>
        <translation>N’importe quelle interface (la table de routage décide)</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interface&#xa0;:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.10 or 2001:db8::10</source>
        <translation>p. ex. 192.0.2.10 ou 2001:db8::10</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse&#xa0;:</translation>
    </message>
    <message>
        <source>Use this address to</source>
        <translation>Utiliser cette adresse pour</translation>
    </message>
    <message>
        <source>Open extra paths from it (this computer connects out)</source>
        <translation>Ouvrir des chemins supplémentaires depuis celle-ci (cet ordinateur se connecte)</translation>
    </message>
    <message>
        <source>Announce it to peers (this computer accepts connections)</source>
        <translation>L’annoncer aux pairs (cet ordinateur accepte les connexions)</translation>
    </message>
    <message>
        <source>Carry data only when other paths fail (backup)</source>
        <translation>Transporter des données uniquement quand les autres chemins échouent (secours)</translation>
    </message>
    <message>
        <source>Open a path to every address a peer announced (full mesh)</source>
        <translation>Ouvrir un chemin vers chaque adresse annoncée par un pair (maillage complet)</translation>
    </message>
    <message>
        <source>Follow the peer&apos;s announced addresses (laminar, Linux 6.18+)</source>
        <translation>Suivre les adresses annoncées par le pair (laminaire, Linux 6.18 et ultérieur)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Only for announced addresses: the port peers should connect to.</source>
        <translation>Uniquement pour les adresses annoncées&#xa0;: le port auquel les pairs doivent se connecter.</translation>
    </message>
    <message>
        <source>&amp;Port (announce only):</source>
        <translation>&amp;Port (annonce uniquement)&#xa0;:</translation>
    </message>
    <message>
        <source>Endpoint ID</source>
        <translation>Identifiant du point de terminaison</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>I&amp;D:</source>
        <translation>I&amp;dentifiant&#xa0;:</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Résultat de la vérification</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter or pick the address to use.</source>
        <translation>Saisissez ou choisissez l’adresse à utiliser.</translation>
    </message>
    <message>
        <source>Cannot add: %1</source>
        <translation>Ajout impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque&#xa0;: %1</translation>
    </message>
    <message>
        <source>Ready to add.</source>
        <translation>Prêt à ajouter.</translation>
    </message>
    <message>
        <source>The helper refused: %1</source>
        <translation>L’assistant système a refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Adding… (you may be asked for a password)</source>
        <translation>Ajout en cours… (un mot de passe peut vous être demandé)</translation>
    </message>
</context>
<context>
    <name>AutostartEntry</name>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>Impossible de créer %1.</translation>
    </message>
</context>
<context>
    <name>ConnectionModel</name>
    <message>
        <source>MPTCP connection, token %1 (paths: %2)</source>
        <translation>Connexion MPTCP, jeton %1 (chemins&#xa0;: %2)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>paths: %1</source>
        <translation>chemins&#xa0;: %1</translation>
    </message>
    <message>
        <source>paths: %1 (%2)</source>
        <translation>chemins&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Plain TCP (the peer has no MPTCP)</source>
        <translation>TCP simple (le pair ne gère pas MPTCP)</translation>
    </message>
    <message>
        <source>Path (subflow) with local id %1 and remote id %2</source>
        <translation>Chemin (sous-flux) avec l’identifiant local %1 et l’identifiant distant %2</translation>
    </message>
    <message>
        <source>chosen by routing</source>
        <translation>choisie par le routage</translation>
    </message>
    <message>
        <source>(routing)</source>
        <translation>(routage)</translation>
    </message>
    <message>
        <source>Backup (both sides)</source>
        <translation>Secours (des deux côtés)</translation>
    </message>
    <message>
        <source>Backup (this side)</source>
        <translation>Secours (de ce côté)</translation>
    </message>
    <message>
        <source>Backup (peer asked)</source>
        <translation>Secours (demandé par le pair)</translation>
    </message>
    <message>
        <source>Not a backup</source>
        <translation>Pas de secours</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Bytes sent and received per second, both directions together</source>
        <translation>Octets envoyés et reçus par seconde, dans les deux sens réunis</translation>
    </message>
    <message>
        <source>Round-trip time the kernel measured on this path</source>
        <translation>Temps d’aller-retour mesuré par le noyau sur ce chemin</translation>
    </message>
    <message>
        <source>A backup path carries data only when the other paths fail</source>
        <translation>Un chemin de secours ne transporte des données que lorsque les autres chemins échouent</translation>
    </message>
    <message>
        <source>Connection / path</source>
        <translation>Connexion / chemin</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Secours</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Aller-retour</translation>
    </message>
</context>
<context>
    <name>ConnectionsPage</name>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Each MPTCP connection of this computer with its paths (subflows): which network each path uses, how much it carried and how fast. Pick a connection to see its paths share the load below.</source>
        <translation>Chaque connexion MPTCP de cet ordinateur avec ses chemins (sous-flux)&#xa0;: le réseau utilisé par chaque chemin, la quantité de données transportée et à quelle vitesse. Choisissez une connexion pour voir ci-dessous comment ses chemins se partagent la charge.</translation>
    </message>
    <message>
        <source>Connections and their paths</source>
        <translation>Connexions et leurs chemins</translation>
    </message>
    <message>
        <source>Expand a connection to see its paths.</source>
        <translation>Déployez une connexion pour voir ses chemins.</translation>
    </message>
    <message>
        <source>No connections</source>
        <translation>Aucune connexion</translation>
    </message>
    <message>
        <source>No MPTCP connections right now. Programs use MPTCP when they ask for it (or through mptcpize); their connections show up here by themselves.</source>
        <translation>Aucune connexion MPTCP pour le moment. Les programmes utilisent MPTCP lorsqu’ils le demandent (ou via mptcpize)&#xa0;; leurs connexions apparaissent ici d’elles-mêmes.</translation>
    </message>
    <message>
        <source>Connections cannot be read right now; the message at the top says why.</source>
        <translation>Les connexions ne peuvent pas être lues pour le moment&#xa0;; le message en haut en indique la raison.</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>Établie</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion en cours</translation>
    </message>
    <message>
        <source>Answering a connection</source>
        <translation>Réponse à une connexion</translation>
    </message>
    <message>
        <source>Closing (sent end)</source>
        <translation>Fermeture (fin envoyée)</translation>
    </message>
    <message>
        <source>Closed, waiting</source>
        <translation>Fermée, en attente</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
    <message>
        <source>Closing (peer ended)</source>
        <translation>Fermeture (fin par le pair)</translation>
    </message>
    <message>
        <source>Closing (last data)</source>
        <translation>Fermeture (dernières données)</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>En écoute</translation>
    </message>
    <message>
        <source>Closing (both ended)</source>
        <translation>Fermeture (fin des deux côtés)</translation>
    </message>
    <message>
        <source>State %1</source>
        <translation>État %1</translation>
    </message>
</context>
<context>
    <name>DoctorPage</name>
    <message>
        <source>&amp;Fix it</source>
        <translation>&amp;Corriger</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Vérifier de nouveau</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Looks at the kernel, the endpoints, the interfaces, the routes and the live connections, and says why a second path would not open.</source>
        <translation>Examine le noyau, les points de terminaison, les interfaces, les routes et les connexions actives, et explique pourquoi un deuxième chemin ne s’ouvrirait pas.</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Selected finding</source>
        <translation>Constat sélectionné</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>Pourquoi c’est important</translation>
    </message>
    <message>
        <source>How to fix it</source>
        <translation>Comment corriger</translation>
    </message>
    <message>
        <source>Makes this change through the helper (you may be asked for a password).</source>
        <translation>Effectue cette modification via l’assistant système (un mot de passe peut vous être demandé).</translation>
    </message>
    <message>
        <source>How to fix it:</source>
        <translation>Comment corriger&#xa0;:</translation>
    </message>
    <message>
        <source>Nothing is wrong: MPTCP can open every path you configured.</source>
        <translation>Tout va bien&#xa0;: MPTCP peut ouvrir chaque chemin que vous avez configuré.</translation>
    </message>
    <message>
        <source>Nothing is wrong; a few notes below.</source>
        <translation>Tout va bien&#xa0;; quelques remarques ci-dessous.</translation>
    </message>
    <message>
        <source>One thing stops or weakens multipath:</source>
        <translation>Un élément empêche ou affaiblit le multichemin&#xa0;:</translation>
    </message>
    <message>
        <source>%1 things stop or weaken multipath, most fundamental first:</source>
        <translation>%1 éléments empêchent ou affaiblissent le multichemin, du plus fondamental au moins fondamental&#xa0;:</translation>
    </message>
    <message>
        <source>Fixed: %1</source>
        <translation>Corrigé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The helper is not available; what follows is what it found last.</source>
        <translation>L’assistant système n’est pas disponible&#xa0;; voici ce qu’il a trouvé en dernier.</translation>
    </message>
    <message>
        <source>The helper is not available: nothing was checked.</source>
        <translation>L’assistant système n’est pas disponible&#xa0;: rien n’a été vérifié.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
</context>
<context>
    <name>EndpointInputText</name>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Le port doit être un nombre compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The ID must be a number from 1 to 255, or empty.</source>
        <translation>L’identifiant doit être un nombre compris entre 1 et 255, ou rester vide.</translation>
    </message>
    <message>
        <source>Without “Announce”, “Open paths” or “Laminar” the kernel keeps this endpoint but does not use it for new paths.</source>
        <translation>Sans «&#xa0;Annoncer&#xa0;», «&#xa0;Ouvrir des chemins&#xa0;» ou «&#xa0;Laminaire&#xa0;», le noyau conserve ce point de terminaison mais ne l’utilise pas pour de nouveaux chemins.</translation>
    </message>
    <message>
        <source>Choosing the interface makes sure the extra path leaves through it, even when routing would pick another.</source>
        <translation>Choisir l’interface garantit que le chemin supplémentaire passe par elle, même si le routage en choisirait une autre.</translation>
    </message>
</context>
<context>
    <name>EndpointModel</name>
    <message>
        <source>%1: on</source>
        <translation>%1&#xa0;: activé</translation>
    </message>
    <message>
        <source>%1: off</source>
        <translation>%1&#xa0;: désactivé</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>any</source>
        <translation>n’importe laquelle</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
</context>
<context>
    <name>EndpointsPage</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete a&amp;ll…</source>
        <translation>&amp;Tout supprimer…</translation>
    </message>
    <message>
        <source>&amp;Undo “Delete all”</source>
        <translation>A&amp;nnuler «&#xa0;Tout supprimer&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Points de terminaison</translation>
    </message>
    <message>
        <source>Addresses of this computer that MPTCP may use besides the one a connection starts on. For Wi-Fi and mobile data together, add the mobile address with “Open paths” on the computer that connects out.</source>
        <translation>Adresses de cet ordinateur que MPTCP peut utiliser en plus de celle sur laquelle une connexion démarre. Pour combiner le Wi-Fi et les données mobiles, ajoutez l’adresse mobile avec «&#xa0;Ouvrir des chemins&#xa0;» sur l’ordinateur qui se connecte.</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>Ajouter un point de terminaison</translation>
    </message>
    <message>
        <source>Delete selected endpoints</source>
        <translation>Supprimer les points de terminaison sélectionnés</translation>
    </message>
    <message>
        <source>Delete all endpoints</source>
        <translation>Supprimer tous les points de terminaison</translation>
    </message>
    <message>
        <source>Undo delete all</source>
        <translation>Annuler la suppression de tout</translation>
    </message>
    <message>
        <source>Puts back the endpoints that “Delete all” removed.</source>
        <translation>Rétablit les points de terminaison supprimés par «&#xa0;Tout supprimer&#xa0;».</translation>
    </message>
    <message>
        <source>Refresh endpoints</source>
        <translation>Actualiser les points de terminaison</translation>
    </message>
    <message>
        <source>Read the endpoints again (changes made with “ip mptcp” show up within a few seconds anyway).</source>
        <translation>Relire les points de terminaison (les modifications faites avec «&#xa0;ip mptcp&#xa0;» apparaissent de toute façon en quelques secondes).</translation>
    </message>
    <message>
        <source>One row per endpoint; the flag columns are check boxes, Backup and Full mesh can be changed with Space.</source>
        <translation>Une ligne par point de terminaison&#xa0;; les colonnes d’options sont des cases à cocher, Secours et Maillage complet peuvent être modifiés avec Espace.</translation>
    </message>
    <message>
        <source>What the flags mean</source>
        <translation>Signification des options</translation>
    </message>
    <message>
        <source>What the columns mean</source>
        <translation>Signification des colonnes</translation>
    </message>
    <message>
        <source>A connection has two sides: the one that connects out (a laptop, a phone) and the one that accepts (a server). Some settings matter on one side only.</source>
        <translation>Une connexion a deux côtés&#xa0;: celui qui se connecte (un ordinateur portable, un téléphone) et celui qui accepte (un serveur). Certains réglages ne comptent que d’un seul côté.</translation>
    </message>
    <message>
        <source>No endpoints</source>
        <translation>Aucun point de terminaison</translation>
    </message>
    <message>
        <source>The endpoints are back.</source>
        <translation>Les points de terminaison sont rétablis.</translation>
    </message>
    <message>
        <source>The endpoints cannot be read right now; the message at the top says why.</source>
        <translation>Les points de terminaison ne peuvent pas être lus pour le moment&#xa0;; le message en haut en indique la raison.</translation>
    </message>
    <message>
        <source>No endpoints: connections use only the address they start on.</source>
        <translation>Aucun point de terminaison&#xa0;: les connexions n’utilisent que l’adresse sur laquelle elles démarrent.</translation>
    </message>
    <message>
        <source>No endpoints yet: connections use only the address they start on. Press “Add…” to let MPTCP use another network as well.</source>
        <translation>Aucun point de terminaison pour l’instant&#xa0;: les connexions n’utilisent que l’adresse sur laquelle elles démarrent. Cliquez sur «&#xa0;Ajouter…&#xa0;» pour permettre à MPTCP d’utiliser aussi un autre réseau.</translation>
    </message>
    <message>
        <source>Endpoint %1 added.</source>
        <translation>Point de terminaison %1 ajouté.</translation>
    </message>
    <message>
        <source>Delete all endpoints?</source>
        <translation>Supprimer tous les points de terminaison&#xa0;?</translation>
    </message>
    <message>
        <source>All %1 endpoints will be deleted, and connections stop opening extra paths. You can undo this once with “Undo ‘Delete all’”.</source>
        <translation>Les %1 points de terminaison seront supprimés et les connexions cesseront d’ouvrir des chemins supplémentaires. Vous pourrez annuler cette action une fois avec «&#xa0;Annuler “Tout supprimer”&#xa0;».</translation>
    </message>
    <message>
        <source>Delete all</source>
        <translation>Tout supprimer</translation>
    </message>
    <message>
        <source>All endpoints deleted. “Undo” puts them back.</source>
        <translation>Tous les points de terminaison ont été supprimés. «&#xa0;Annuler&#xa0;» les rétablit.</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Events that did not fit while the log was paused: %1.</source>
        <translation>Événements qui n’ont pas pu être conservés pendant la pause du journal&#xa0;: %1.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Adresse locale</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Adresse distante</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>Events lost</source>
        <translation>Événements perdus</translation>
    </message>
    <message>
        <source>Connection started</source>
        <translation>Connexion démarrée</translation>
    </message>
    <message>
        <source>Connection established</source>
        <translation>Connexion établie</translation>
    </message>
    <message>
        <source>Connection closed</source>
        <translation>Connexion fermée</translation>
    </message>
    <message>
        <source>Peer announced an address</source>
        <translation>Le pair a annoncé une adresse</translation>
    </message>
    <message>
        <source>Peer withdrew an address</source>
        <translation>Le pair a retiré une adresse</translation>
    </message>
    <message>
        <source>Path opened</source>
        <translation>Chemin ouvert</translation>
    </message>
    <message>
        <source>Path closed</source>
        <translation>Chemin fermé</translation>
    </message>
    <message>
        <source>Path backup setting changed</source>
        <translation>Réglage de secours du chemin modifié</translation>
    </message>
    <message>
        <source>Listening started</source>
        <translation>Écoute démarrée</translation>
    </message>
    <message>
        <source>Listening stopped</source>
        <translation>Écoute arrêtée</translation>
    </message>
    <message>
        <source>Unknown event %1</source>
        <translation>Événement inconnu %1</translation>
    </message>
    <message>
        <source>unspecified error</source>
        <translation>erreur non précisée</translation>
    </message>
    <message>
        <source>MPTCP-specific error</source>
        <translation>erreur propre à MPTCP</translation>
    </message>
    <message>
        <source>lack of resources</source>
        <translation>manque de ressources</translation>
    </message>
    <message>
        <source>administratively prohibited</source>
        <translation>interdit par l’administrateur</translation>
    </message>
    <message>
        <source>too much outstanding data</source>
        <translation>trop de données en attente</translation>
    </message>
    <message>
        <source>unacceptable performance</source>
        <translation>performances inacceptables</translation>
    </message>
    <message>
        <source>middlebox interference</source>
        <translation>interférence d’un équipement intermédiaire</translation>
    </message>
    <message>
        <source>unknown reason %1</source>
        <translation>raison inconnue %1</translation>
    </message>
    <message>
        <source>The kernel dropped events because they came faster than they could be read; the connections and endpoints were read again.</source>
        <translation>Le noyau a abandonné des événements parce qu’ils arrivaient plus vite qu’ils ne pouvaient être lus&#xa0;; les connexions et les points de terminaison ont été relus.</translation>
    </message>
    <message>
        <source>local id %1</source>
        <translation>identifiant local %1</translation>
    </message>
    <message>
        <source>remote id %1</source>
        <translation>identifiant distant %1</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>secours</translation>
    </message>
    <message>
        <source>not a backup</source>
        <translation>pas de secours</translation>
    </message>
    <message>
        <source>interface %1</source>
        <translation>interface %1</translation>
    </message>
    <message>
        <source>interface #%1</source>
        <translation>interface n°&#xa0;%1</translation>
    </message>
    <message>
        <source>error: %1 (%2)</source>
        <translation>erreur&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>reset by the peer: %1</source>
        <translation>réinitialisé par le pair&#xa0;: %1</translation>
    </message>
    <message>
        <source>reset flags 0x%1</source>
        <translation>indicateurs de réinitialisation 0x%1</translation>
    </message>
    <message>
        <source>timeout %1 s</source>
        <translation>délai d’expiration %1 s</translation>
    </message>
    <message>
        <source>this side accepted the connection</source>
        <translation>ce côté a accepté la connexion</translation>
    </message>
    <message>
        <source>this side started the connection</source>
        <translation>ce côté a démarré la connexion</translation>
    </message>
</context>
<context>
    <name>FindingModel</name>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>FlagHelp</name>
    <message>
        <source>Announce</source>
        <translation>Annoncer</translation>
    </message>
    <message>
        <source>Open paths</source>
        <translation>Ouvrir des chemins</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Secours</translation>
    </message>
    <message>
        <source>Full mesh</source>
        <translation>Maillage complet</translation>
    </message>
    <message>
        <source>Laminar</source>
        <translation>Laminaire</translation>
    </message>
    <message>
        <source>Kernel-made</source>
        <translation>Créé par le noyau</translation>
    </message>
    <message>
        <source>Flag 0x%1</source>
        <translation>Option 0x%1</translation>
    </message>
    <message>
        <source>Announce (signal): tell the other side of each connection about this address, so it can open an extra path to it. Useful on the side that accepts connections (a server).</source>
        <translation>Annoncer (signal)&#xa0;: informe l’autre côté de chaque connexion de cette adresse, afin qu’il puisse y ouvrir un chemin supplémentaire. Utile du côté qui accepte les connexions (un serveur).</translation>
    </message>
    <message>
        <source>Open paths (subflow): open an extra path from this address for each connection. Useful on the side that starts connections (a laptop or phone). Needs the “Paths per connection” limit above zero.</source>
        <translation>Ouvrir des chemins (subflow)&#xa0;: ouvre un chemin supplémentaire depuis cette adresse pour chaque connexion. Utile du côté qui démarre les connexions (un ordinateur portable ou un téléphone). Nécessite une limite «&#xa0;Chemins par connexion&#xa0;» supérieure à zéro.</translation>
    </message>
    <message>
        <source>Backup: use paths from this address only when the other paths fail, for example a metered mobile link. Works on both sides. Can be changed at any time.</source>
        <translation>Secours&#xa0;: n’utilise les chemins partant de cette adresse que lorsque les autres chemins échouent, par exemple pour une liaison mobile facturée au volume. Fonctionne des deux côtés. Modifiable à tout moment.</translation>
    </message>
    <message>
        <source>Full mesh: open a path from this address to every address the other side announced, not just to one. For the side that starts connections, with “Open paths” only. Can be changed at any time.</source>
        <translation>Maillage complet&#xa0;: ouvre un chemin depuis cette adresse vers chaque adresse annoncée par l’autre côté, et pas seulement vers une seule. Pour le côté qui démarre les connexions, uniquement avec «&#xa0;Ouvrir des chemins&#xa0;». Modifiable à tout moment.</translation>
    </message>
    <message>
        <source>Laminar: use this address for paths towards the addresses the other side announces, one path each (Linux 6.18 and newer). For the side that starts connections.</source>
        <translation>Laminaire&#xa0;: utilise cette adresse pour les chemins vers les adresses annoncées par l’autre côté, un chemin pour chacune (Linux 6.18 et ultérieur). Pour le côté qui démarre les connexions.</translation>
    </message>
    <message>
        <source>Kernel-made (implicit): the kernel added this entry itself for an address a connection used. It cannot be set by hand; delete it or add a real endpoint with the same address.</source>
        <translation>Créé par le noyau (implicit)&#xa0;: le noyau a ajouté lui-même cette entrée pour une adresse utilisée par une connexion. Elle ne peut pas être définie manuellement&#xa0;; supprimez-la ou ajoutez un véritable point de terminaison avec la même adresse.</translation>
    </message>
</context>
<context>
    <name>HelperClient</name>
    <message>
        <source>This program cannot reach the system bus (%1).</source>
        <translation>Ce programme ne peut pas joindre le bus système (%1).</translation>
    </message>
    <message>
        <source>Live events are not available: %1</source>
        <translation>Les événements en direct ne sont pas disponibles&#xa0;: %1</translation>
    </message>
    <message>
        <source>The helper stopped; events until it is back are missing.</source>
        <translation>L’assistant système s’est arrêté&#xa0;; les événements survenus jusqu’à son retour sont manquants.</translation>
    </message>
    <message>
        <source>Add endpoint %1</source>
        <translation>Ajouter le point de terminaison %1</translation>
    </message>
    <message>
        <source>Delete endpoint %1</source>
        <translation>Supprimer le point de terminaison %1</translation>
    </message>
    <message>
        <source>Change endpoint %1</source>
        <translation>Modifier le point de terminaison %1</translation>
    </message>
    <message>
        <source>Delete every endpoint</source>
        <translation>Supprimer tous les points de terminaison</translation>
    </message>
    <message>
        <source>Change limits</source>
        <translation>Modifier les limites</translation>
    </message>
    <message>
        <source>Restore endpoints and limits</source>
        <translation>Restaurer les points de terminaison et les limites</translation>
    </message>
    <message>
        <source>Change net.mptcp.%1</source>
        <translation>Modifier net.mptcp.%1</translation>
    </message>
    <message>
        <source>This problem has no fix the helper can make; follow the steps shown.</source>
        <translation>L’assistant système ne peut pas corriger ce problème lui-même&#xa0;; suivez les étapes indiquées.</translation>
    </message>
    <message>
        <source>Fix &quot;%1&quot;</source>
        <translation>Corriger «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Save profile &quot;%1&quot;</source>
        <translation>Enregistrer le profil «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Delete profile &quot;%1&quot;</source>
        <translation>Supprimer le profil «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Use profile &quot;%1&quot;</source>
        <translation>Utiliser le profil «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Stop using the profile</source>
        <translation>Ne plus utiliser le profil</translation>
    </message>
</context>
<context>
    <name>HelperErrorText</name>
    <message>
        <source>The MPTCP Manager helper is not installed or cannot be started (%1).</source>
        <translation>L’assistant système de MPTCP Manager n’est pas installé ou ne peut pas être démarré (%1).</translation>
    </message>
    <message>
        <source>The system bus does not let this program talk to the helper; is the helper&apos;s bus policy installed? (%1)</source>
        <translation>Le bus système ne permet pas à ce programme de communiquer avec l’assistant système&#xa0;; la politique de bus de l’assistant est-elle installée&#xa0;? (%1)</translation>
    </message>
    <message>
        <source>This program lost its connection to the system bus.</source>
        <translation>Ce programme a perdu sa connexion au bus système.</translation>
    </message>
    <message>
        <source>The helper did not answer in time.</source>
        <translation>L’assistant système n’a pas répondu à temps.</translation>
    </message>
</context>
<context>
    <name>LimitsAdvice</name>
    <message>
        <source>No extra paths can open: “Paths per connection” is 0, so the endpoints set to open paths are not used.</source>
        <translation>Aucun chemin supplémentaire ne peut s’ouvrir&#xa0;: «&#xa0;Chemins par connexion&#xa0;» vaut 0, donc les points de terminaison configurés pour ouvrir des chemins ne sont pas utilisés.</translation>
    </message>
    <message>
        <source>Only %1 of the endpoints that open paths (%2 in all) can be used at once: raise “Paths per connection” to use them all.</source>
        <translation>Seuls %1 des points de terminaison qui ouvrent des chemins (%2 au total) peuvent être utilisés en même temps&#xa0;: augmentez «&#xa0;Chemins par connexion&#xa0;» pour les utiliser tous.</translation>
    </message>
    <message>
        <source>Addresses the other side announces are accepted but never used, because “Paths per connection” is 0.</source>
        <translation>Les adresses annoncées par l’autre côté sont acceptées mais jamais utilisées, car «&#xa0;Chemins par connexion&#xa0;» vaut 0.</translation>
    </message>
    <message>
        <source>The other side announced addresses (%1 so far), but “Accepted announcements” is 0, so no path opens towards them.</source>
        <translation>L’autre côté a annoncé des adresses (%1 jusqu’à présent), mais «&#xa0;Annonces acceptées&#xa0;» vaut 0, donc aucun chemin ne s’ouvre vers elles.</translation>
    </message>
</context>
<context>
    <name>LimitsPage</name>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>Upper bounds the kernel applies to every MPTCP connection. Both sides have their own limits; a path opens only if both allow it.</source>
        <translation>Plafonds que le noyau applique à chaque connexion MPTCP. Chaque côté a ses propres limites&#xa0;; un chemin ne s’ouvre que si les deux l’autorisent.</translation>
    </message>
    <message>
        <source>Paths per connection</source>
        <translation>Chemins par connexion</translation>
    </message>
    <message>
        <source>How many extra paths (subflows) each connection may have besides its first one. 0 keeps every connection on a single path.</source>
        <translation>Nombre de chemins supplémentaires (sous-flux) que chaque connexion peut avoir en plus du premier. 0 maintient chaque connexion sur un seul chemin.</translation>
    </message>
    <message>
        <source>Accepted announcements</source>
        <translation>Annonces acceptées</translation>
    </message>
    <message>
        <source>How many addresses announced by the other side each connection may use to open paths towards. 0 ignores every announcement.</source>
        <translation>Nombre d’adresses annoncées par l’autre côté vers lesquelles chaque connexion peut ouvrir des chemins. 0 ignore toutes les annonces.</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Limits state</source>
        <translation>État des limites</translation>
    </message>
    <message>
        <source>0 to %1 (the kernel&apos;s most)</source>
        <translation>0 à %1 (le maximum du noyau)</translation>
    </message>
    <message>
        <source>These are the kernel&apos;s current limits.</source>
        <translation>Ce sont les limites actuelles du noyau.</translation>
    </message>
    <message>
        <source>Changed; applying in a moment…</source>
        <translation>Modifié&#xa0;; application dans un instant…</translation>
    </message>
    <message>
        <source>Applying… (you may be asked for a password)</source>
        <translation>Application… (un mot de passe peut vous être demandé)</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Non appliqué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Appliqué.</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Avertissement&#xa0;:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>MPTCP Manager</source>
        <translation>MPTCP Manager</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Liste des pages</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Points de terminaison</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Helper status</source>
        <translation>État de l’assistant système</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>Échec de l’action «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>&amp;MPTCP Manager</source>
        <translation>&amp;MPTCP Manager</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>&amp;Fermer la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About MPTCP Manager</source>
        <translation>À &amp;propos de MPTCP Manager</translation>
    </message>
    <message>
        <source>About MPTCP Manager</source>
        <translation>À propos de MPTCP Manager</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;MPTCP Manager&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Lets one connection use several networks at once (Multipath TCP): Wi-Fi and mobile data together, or Ethernet with a backup. Changes go through a small privileged helper that asks the system whether you may make them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;MPTCP Manager&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Permet à une même connexion d’utiliser plusieurs réseaux à la fois (Multipath TCP)&#xa0;: le Wi-Fi et les données mobiles ensemble, ou l’Ethernet avec un lien de secours. Les modifications passent par un petit assistant système privilégié qui demande au système si vous êtes autorisé à les effectuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Helper: connecting</source>
        <translation>Assistant système&#xa0;: connexion en cours</translation>
    </message>
    <message>
        <source>Helper: running</source>
        <translation>Assistant système&#xa0;: en fonctionnement</translation>
    </message>
    <message>
        <source>Helper: restarting</source>
        <translation>Assistant système&#xa0;: redémarrage</translation>
    </message>
    <message>
        <source>Helper: not available</source>
        <translation>Assistant système&#xa0;: indisponible</translation>
    </message>
    <message>
        <source>MPTCP: not in this kernel</source>
        <translation>MPTCP&#xa0;: absent de ce noyau</translation>
    </message>
    <message>
        <source>MPTCP: on</source>
        <translation>MPTCP&#xa0;: activé</translation>
    </message>
    <message>
        <source>MPTCP: off</source>
        <translation>MPTCP&#xa0;: désactivé</translation>
    </message>
    <message>
        <source>path manager: %1</source>
        <translation>gestionnaire de chemins&#xa0;: %1</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
</context>
<context>
    <name>ManagerApp</name>
    <message>
        <source>Profile not switched</source>
        <translation>Profil non changé</translation>
    </message>
</context>
<context>
    <name>NetworkInterfaces</name>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>Ethernet</source>
        <translation>Ethernet</translation>
    </message>
    <message>
        <source>Mobile broadband</source>
        <translation>Haut débit mobile</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message>
        <source>the path over %1 (%2 → %3)</source>
        <translation>le chemin via %1 (%2 → %3)</translation>
    </message>
    <message>
        <source>the path %1 → %2</source>
        <translation>le chemin %1 → %2</translation>
    </message>
    <message>
        <source>New path in use</source>
        <translation>Nouveau chemin utilisé</translation>
    </message>
    <message>
        <source>An MPTCP connection now also uses %1.</source>
        <translation>Une connexion MPTCP utilise désormais aussi %1.</translation>
    </message>
    <message>
        <source>Path closed</source>
        <translation>Chemin fermé</translation>
    </message>
    <message>
        <source> The peer reset it: %1.</source>
        <translation> Le pair l’a réinitialisé&#xa0;: %1.</translation>
    </message>
    <message>
        <source> Error: %1.</source>
        <translation> Erreur&#xa0;: %1.</translation>
    </message>
    <message>
        <source>An MPTCP connection stopped using %1.</source>
        <translation>Une connexion MPTCP a cessé d’utiliser %1.</translation>
    </message>
    <message>
        <source>Path is now a backup</source>
        <translation>Le chemin est désormais un chemin de secours</translation>
    </message>
    <message>
        <source>Backup path in use</source>
        <translation>Chemin de secours utilisé</translation>
    </message>
    <message>
        <source>%1 now carries data only if the others fail.</source>
        <translation>%1 ne transporte désormais des données que si les autres échouent.</translation>
    </message>
    <message>
        <source>%1 now carries data.</source>
        <translation>%1 transporte désormais des données.</translation>
    </message>
    <message>
        <source>MPTCP paths changed</source>
        <translation>Chemins MPTCP modifiés</translation>
    </message>
    <message>
        <source>paths opened: %1</source>
        <translation>chemins ouverts&#xa0;: %1</translation>
    </message>
    <message>
        <source>paths closed: %1</source>
        <translation>chemins fermés&#xa0;: %1</translation>
    </message>
    <message>
        <source>backup changes: %1</source>
        <translation>changements de secours&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ProfileEditorDialog</name>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Set paths per connection to</source>
        <translation>Définir les chemins par connexion à</translation>
    </message>
    <message>
        <source>Set accepted announcements to</source>
        <translation>Définir les annonces acceptées à</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save and &amp;use</source>
        <translation>Enregistrer et &amp;utiliser</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <source>Edit profile &quot;%1&quot;</source>
        <translation>Modifier le profil «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>Saving under another name makes a new profile; this one stays.</source>
        <translation>Enregistrer sous un autre nom crée un nouveau profil&#xa0;; celui-ci est conservé.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Unticked: the profile leaves the limit as it is.</source>
        <translation>Décoché&#xa0;: le profil laisse la limite telle quelle.</translation>
    </message>
    <message>
        <source>Interfaces (the first rule that matches decides)</source>
        <translation>Interfaces (la première règle correspondante l’emporte)</translation>
    </message>
    <message>
        <source>Interface or pattern</source>
        <translation>Interface ou motif</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <source>Temporary IPv6</source>
        <translation>IPv6 temporaires</translation>
    </message>
    <message>
        <source>Interface rules</source>
        <translation>Règles d’interface</translation>
    </message>
    <message>
        <source>An interface name, a pattern such as wl* or kind:wifi, kind:ethernet, kind:wwan.</source>
        <translation>Un nom d’interface, un motif tel que wl* ou kind:wifi, kind:ethernet, kind:wwan.</translation>
    </message>
    <message>
        <source>Also use IPv6 privacy addresses, which change every few hours.</source>
        <translation>Utiliser aussi les adresses IPv6 de confidentialité, qui changent toutes les quelques heures.</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Ajouter une règle</translation>
    </message>
    <message>
        <source>Fixed endpoints</source>
        <translation>Points de terminaison fixes</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>Ajouter un point de terminaison</translation>
    </message>
    <message>
        <source>net.mptcp settings</source>
        <translation>Paramètres net.mptcp</translation>
    </message>
    <message>
        <source>Name (without net.mptcp.)</source>
        <translation>Nom (sans net.mptcp.)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Add setting</source>
        <translation>Ajouter un paramètre</translation>
    </message>
    <message>
        <source>If you use it now</source>
        <translation>Si vous l’utilisez maintenant</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>IPv4 and IPv6</source>
        <translation>IPv4 et IPv6</translation>
    </message>
    <message>
        <source>IPv4 only</source>
        <translation>IPv4 uniquement</translation>
    </message>
    <message>
        <source>IPv6 only</source>
        <translation>IPv6 uniquement</translation>
    </message>
    <message>
        <source>any</source>
        <translation>n’importe lequel</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>Saved, but not in use: %1</source>
        <translation>Enregistré, mais non utilisé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ProfileText</name>
    <message>
        <source>%1 s ago</source>
        <translation>il y a %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>il y a %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>il y a %1 h</translation>
    </message>
    <message>
        <source>no flags</source>
        <translation>aucune option</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 sur %2 (%3)</translation>
    </message>
    <message>
        <source>No profile is in use: the endpoints stay as they are until you change them.</source>
        <translation>Aucun profil n’est utilisé&#xa0;: les points de terminaison restent tels quels jusqu’à ce que vous les modifiiez.</translation>
    </message>
    <message>
        <source>In use: &lt;b&gt;%1&lt;/b&gt;. The helper keeps it true as addresses come and go.</source>
        <translation>Utilisé&#xa0;: &lt;b&gt;%1&lt;/b&gt;. L’assistant système le fait respecter à mesure que les adresses vont et viennent.</translation>
    </message>
    <message>
        <source>In use: &lt;b&gt;%1&lt;/b&gt;, with errors.</source>
        <translation>Utilisé&#xa0;: &lt;b&gt;%1&lt;/b&gt;, avec des erreurs.</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Endpoints it keeps</source>
        <translation>Points de terminaison qu’il maintient</translation>
    </message>
    <message>
        <source>Waiting for their link to come back</source>
        <translation>En attente du retour de leur lien</translation>
    </message>
    <message>
        <source>Not made</source>
        <translation>Non créés</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Changed by someone else, no longer managed</source>
        <translation>Modifiés par quelqu’un d’autre, plus gérés</translation>
    </message>
    <message>
        <source>Last look at the network, %1</source>
        <translation>Dernier examen du réseau&#xa0;: %1</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>rien à modifier</translation>
    </message>
    <message>
        <source>Would add</source>
        <translation>Seraient ajoutés</translation>
    </message>
    <message>
        <source>Would change (in place, live paths stay)</source>
        <translation>Seraient modifiés (sur place, les chemins actifs restent)</translation>
    </message>
    <message>
        <source>Would delete</source>
        <translation>Seraient supprimés</translation>
    </message>
    <message>
        <source>Would keep</source>
        <translation>Seraient conservés</translation>
    </message>
    <message>
        <source>Would not make</source>
        <translation>Ne seraient pas créés</translation>
    </message>
    <message>
        <source>Nothing would change now: no interface matches a rule with a usable address. The profile still applies when one appears.</source>
        <translation>Rien ne changerait pour l’instant&#xa0;: aucune interface ne correspond à une règle avec une adresse utilisable. Le profil s’appliquera dès qu’une telle interface apparaîtra.</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>%1 (built in)</source>
        <translation>%1 (intégré)</translation>
    </message>
    <message>
        <source>%1 — in use</source>
        <translation>%1 — utilisé</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>&amp;Utiliser</translation>
    </message>
    <message>
        <source>&amp;Stop using</source>
        <translation>Ne &amp;plus utiliser</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Co&amp;py…</source>
        <translation>&amp;Copier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>A profile says which interfaces carry extra paths. The helper keeps it true while addresses come and go, after suspend and after a reboot, and never touches endpoints it did not make.</source>
        <translation>Un profil indique quelles interfaces transportent les chemins supplémentaires. L’assistant système le fait respecter lorsque les adresses vont et viennent, après une mise en veille et après un redémarrage, et ne touche jamais aux points de terminaison qu’il n’a pas créés.</translation>
    </message>
    <message>
        <source>Profile status</source>
        <translation>État du profil</translation>
    </message>
    <message>
        <source>Make the selected profile the one the helper keeps true.</source>
        <translation>Faire du profil sélectionné celui que l’assistant système fait respecter.</translation>
    </message>
    <message>
        <source>Delete the endpoints the profile made and stop following the network. Limits keep their values.</source>
        <translation>Supprimer les points de terminaison créés par le profil et cesser de suivre le réseau. Les limites conservent leurs valeurs.</translation>
    </message>
    <message>
        <source>A new profile starting from the selected one (built-in presets are changed this way).</source>
        <translation>Un nouveau profil basé sur celui qui est sélectionné (c’est ainsi que l’on modifie les préréglages intégrés).</translation>
    </message>
    <message>
        <source>Using profile &quot;%1&quot;.</source>
        <translation>Utilisation du profil «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>No profile in use; its endpoints are deleted.</source>
        <translation>Aucun profil utilisé&#xa0;; ses points de terminaison ont été supprimés.</translation>
    </message>
    <message>
        <source>Cannot read the profile: %1</source>
        <translation>Impossible de lire le profil&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved.</source>
        <translation>Profil «&#xa0;%1&#xa0;» enregistré.</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>Supprimer le profil «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; deleted.</source>
        <translation>Profil «&#xa0;%1&#xa0;» supprimé.</translation>
    </message>
</context>
<context>
    <name>ScreenshotTour</name>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Active (3 paths)</source>
        <translation>Actif (3 chemins)</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Dégradé</translation>
    </message>
    <message>
        <source>Doctor found a problem</source>
        <translation>Le diagnostic a trouvé un problème</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>The kernel&apos;s MPTCP settings for this computer (net.mptcp), and how this app behaves.</source>
        <translation>Les paramètres MPTCP du noyau pour cet ordinateur (net.mptcp), et le comportement de cette application.</translation>
    </message>
    <message>
        <source>Kernel (net.mptcp)</source>
        <translation>Noyau (net.mptcp)</translation>
    </message>
    <message>
        <source>A userspace daemon decides</source>
        <translation>Un démon en espace utilisateur décide</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>net.mptcp.%1 not changed: %2</source>
        <translation>net.mptcp.%1 non modifié&#xa0;: %2</translation>
    </message>
    <message>
        <source>net.mptcp.%1 changed.</source>
        <translation>net.mptcp.%1 modifié.</translation>
    </message>
    <message>
        <source>This app</source>
        <translation>Cette application</translation>
    </message>
    <message>
        <source>Tell me with a notification when:</source>
        <translation>M’avertir par une notification lorsque&#xa0;:</translation>
    </message>
    <message>
        <source>a connection starts using another path</source>
        <translation>une connexion commence à utiliser un autre chemin</translation>
    </message>
    <message>
        <source>a path closes or fails (with the reason)</source>
        <translation>un chemin se ferme ou échoue (avec la raison)</translation>
    </message>
    <message>
        <source>a backup path takes over or steps back</source>
        <translation>un chemin de secours prend le relais ou se retire</translation>
    </message>
    <message>
        <source>Pause all notifications for now</source>
        <translation>Suspendre toutes les notifications pour le moment</translation>
    </message>
    <message>
        <source>Pause notifications</source>
        <translation>Suspendre les notifications</translation>
    </message>
    <message>
        <source>Start in the system tray, without opening this window</source>
        <translation>Démarrer dans la zone de notification, sans ouvrir cette fenêtre</translation>
    </message>
    <message>
        <source>Start minimized to the tray</source>
        <translation>Démarrer réduit dans la zone de notification</translation>
    </message>
    <message>
        <source>Start when I log in</source>
        <translation>Démarrer à l’ouverture de session</translation>
    </message>
    <message>
        <source>Could not change the autostart entry: %1</source>
        <translation>Impossible de modifier l’entrée de démarrage automatique&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Turn MPTCP on</source>
        <translation>Activer MPTCP</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>StatusBannerText</name>
    <message>
        <source>Connecting</source>
        <translation>Connexion en cours</translation>
    </message>
    <message>
        <source>Asking the MPTCP Manager helper for the current settings…</source>
        <translation>Demande des paramètres actuels à l’assistant système de MPTCP Manager…</translation>
    </message>
    <message>
        <source>Helper not available</source>
        <translation>Assistant système indisponible</translation>
    </message>
    <message>
        <source>Nothing can be shown or changed until it is. This window retries by itself.</source>
        <translation>Rien ne peut être affiché ni modifié tant qu’il ne l’est pas. Cette fenêtre réessaie d’elle-même.</translation>
    </message>
    <message>
        <source>Helper restarting</source>
        <translation>Redémarrage de l’assistant système</translation>
    </message>
    <message>
        <source>The helper stopped and is being started again. The window catches up by itself; nothing you set is lost.</source>
        <translation>L’assistant système s’est arrêté et est en cours de redémarrage. La fenêtre se met à jour d’elle-même&#xa0;; aucun de vos réglages n’est perdu.</translation>
    </message>
    <message>
        <source>No MPTCP in this kernel</source>
        <translation>Pas de MPTCP dans ce noyau</translation>
    </message>
    <message>
        <source>This Linux kernel was built without Multipath TCP, or the helper cannot reach it. Nothing can be set up here.</source>
        <translation>Ce noyau Linux a été compilé sans Multipath TCP, ou l’assistant système ne peut pas y accéder. Rien ne peut être configuré ici.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>You are not allowed to change MPTCP settings on this computer, so this window only shows them. The system said: %1</source>
        <translation>Vous n’êtes pas autorisé à modifier les paramètres MPTCP sur cet ordinateur&#xa0;; cette fenêtre se contente donc de les afficher. Réponse du système&#xa0;: %1</translation>
    </message>
    <message>
        <source>MPTCP is off</source>
        <translation>MPTCP est désactivé</translation>
    </message>
    <message>
        <source>Multipath TCP is turned off in the kernel, so every connection uses a single path. Endpoints and limits can be changed once it is on.</source>
        <translation>Multipath TCP est désactivé dans le noyau&#xa0;; chaque connexion utilise donc un seul chemin. Les points de terminaison et les limites pourront être modifiés une fois qu’il sera activé.</translation>
    </message>
    <message>
        <source>The kernel reported an error</source>
        <translation>Le noyau a signalé une erreur</translation>
    </message>
</context>
<context>
    <name>SysctlCatalog</name>
    <message>
        <source>MPTCP on</source>
        <translation>MPTCP activé</translation>
    </message>
    <message>
        <source>Whether programs may use Multipath TCP at all. When off, every connection is plain TCP and nothing on the other pages has an effect.</source>
        <translation>Indique si les programmes peuvent utiliser Multipath TCP. Lorsqu’il est désactivé, chaque connexion est en TCP simple et rien de ce qui figure sur les autres pages n’a d’effet.</translation>
    </message>
    <message>
        <source>Path manager</source>
        <translation>Gestionnaire de chemins</translation>
    </message>
    <message>
        <source>Who decides which extra paths to open: “kernel” uses the endpoints and limits of this program; “userspace” leaves it to a daemon such as mptcpd, and then the endpoints here are ignored.</source>
        <translation>Qui décide des chemins supplémentaires à ouvrir&#xa0;: «&#xa0;kernel&#xa0;» utilise les points de terminaison et les limites de ce programme&#xa0;; «&#xa0;userspace&#xa0;» confie ce choix à un démon tel que mptcpd, et les points de terminaison définis ici sont alors ignorés.</translation>
    </message>
    <message>
        <source>Path manager (older setting)</source>
        <translation>Gestionnaire de chemins (ancien réglage)</translation>
    </message>
    <message>
        <source>The numeric form of the path manager setting on older kernels: 0 is the kernel&apos;s, 1 a userspace daemon.</source>
        <translation>La forme numérique du réglage du gestionnaire de chemins sur les anciens noyaux&#xa0;: 0 pour celui du noyau, 1 pour un démon en espace utilisateur.</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>Ordonnanceur</translation>
    </message>
    <message>
        <source>How new connections choose the path for each piece of data. Changes apply to connections opened afterwards.</source>
        <translation>Manière dont les nouvelles connexions choisissent le chemin de chaque portion de données. Les modifications s’appliquent aux connexions ouvertes ensuite.</translation>
    </message>
    <message>
        <source>Checksums</source>
        <translation>Sommes de contrôle</translation>
    </message>
    <message>
        <source>Protects data with checksums so that network devices which rewrite traffic are detected; costs some processor time. Usually off.</source>
        <translation>Protège les données par des sommes de contrôle afin de détecter les équipements réseau qui réécrivent le trafic&#xa0;; consomme un peu de temps processeur. Généralement désactivé.</translation>
    </message>
    <message>
        <source>Extra paths to the first address</source>
        <translation>Chemins supplémentaires vers la première adresse</translation>
    </message>
    <message>
        <source>Whether the other side may open extra paths to the address and port its connection first reached. Turn off behind a load balancer that cannot route them.</source>
        <translation>Indique si l’autre côté peut ouvrir des chemins supplémentaires vers l’adresse et le port que sa connexion a atteints en premier. À désactiver derrière un répartiteur de charge incapable de les acheminer.</translation>
    </message>
    <message>
        <source>Announcement retry</source>
        <translation>Réémission des annonces</translation>
    </message>
    <message>
        <source>How long to wait for the other side to confirm an address announcement before sending it again.</source>
        <translation>Délai d’attente de la confirmation d’une annonce d’adresse par l’autre côté avant de la renvoyer.</translation>
    </message>
    <message>
        <source>Grace time without paths</source>
        <translation>Délai de grâce sans chemin</translation>
    </message>
    <message>
        <source>How long a connection that lost its last path stays open, waiting for a new one (for example while Wi-Fi reconnects), before it is closed.</source>
        <translation>Durée pendant laquelle une connexion qui a perdu son dernier chemin reste ouverte en attendant un nouveau chemin (par exemple pendant la reconnexion du Wi-Fi), avant d’être fermée.</translation>
    </message>
    <message>
        <source>Stale path after</source>
        <translation>Chemin considéré comme bloqué après</translation>
    </message>
    <message>
        <source>After how many retransmission timeouts without progress a path counts as stale, so the scheduler stops sending on it.</source>
        <translation>Nombre d’expirations du délai de retransmission sans progression au bout duquel un chemin est considéré comme bloqué, de sorte que l’ordonnanceur cesse d’envoyer des données dessus.</translation>
    </message>
    <message>
        <source>Pause after a firewall blocks MPTCP</source>
        <translation>Pause après le blocage de MPTCP par un pare-feu</translation>
    </message>
    <message>
        <source>How long MPTCP stays off after a firewall was found dropping it; longer each time it happens again. 0 turns this detection off.</source>
        <translation>Durée pendant laquelle MPTCP reste désactivé après la détection d’un pare-feu qui le bloque&#xa0;; elle s’allonge à chaque nouvelle occurrence. 0 désactive cette détection.</translation>
    </message>
    <message>
        <source>Attempts before plain TCP</source>
        <translation>Tentatives avant le TCP simple</translation>
    </message>
    <message>
        <source>How many connection attempts carry MPTCP options before the kernel tries plain TCP, in case something on the way drops them.</source>
        <translation>Nombre de tentatives de connexion portant les options MPTCP avant que le noyau n’essaie le TCP simple, au cas où un équipement sur le trajet les supprimerait.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Sends on the path with the lowest delay that has room, and keeps backup paths for when the others fail.</source>
        <translation>Envoie sur le chemin ayant le délai le plus faible parmi ceux qui ont de la capacité disponible, et réserve les chemins de secours pour le cas où les autres échouent.</translation>
    </message>
    <message>
        <source>A scheduler loaded as a BPF program; see its own documentation.</source>
        <translation>Un ordonnanceur chargé sous forme de programme BPF&#xa0;; consultez sa propre documentation.</translation>
    </message>
    <message>
        <source>Sends every piece of data on all paths at once: lowest delay and loss, at the cost of bandwidth.</source>
        <translation>Envoie chaque portion de données sur tous les chemins à la fois&#xa0;: délai et pertes minimaux, au prix de la bande passante.</translation>
    </message>
    <message>
        <source>The kernel opens paths and announces addresses from the endpoints configured in this program.</source>
        <translation>Le noyau ouvre des chemins et annonce des adresses à partir des points de terminaison configurés dans ce programme.</translation>
    </message>
    <message>
        <source>A daemon such as mptcpd decides; the endpoints here are not used.</source>
        <translation>Un démon tel que mptcpd décide&#xa0;; les points de terminaison définis ici ne sont pas utilisés.</translation>
    </message>
</context>
<context>
    <name>ThroughputChart</name>
    <message>
        <source>MB/s</source>
        <translation>Mo/s</translation>
    </message>
    <message>
        <source>kB/s</source>
        <translation>ko/s</translation>
    </message>
    <message>
        <source>bytes/s</source>
        <translation>octets/s</translation>
    </message>
    <message>
        <source>Throughput per path</source>
        <translation>Débit par chemin</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>secondes écoulées</translation>
    </message>
    <message>
        <source>Throughput chart</source>
        <translation>Graphique du débit</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1&#xa0;: %2 → %3</translation>
    </message>
    <message>
        <source>Throughput per path: pick a connection above</source>
        <translation>Débit par chemin&#xa0;: choisissez une connexion ci-dessus</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>&amp;Open MPTCP Manager</source>
        <translation>&amp;Ouvrir MPTCP Manager</translation>
    </message>
    <message>
        <source>P&amp;rofile</source>
        <translation>P&amp;rofil</translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation>Suspendre les &amp;notifications</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Doctor: 1 problem</source>
        <translation>&amp;Diagnostic&#xa0;: 1 problème</translation>
    </message>
    <message>
        <source>&amp;Doctor: %1 problems</source>
        <translation>&amp;Diagnostic&#xa0;: %1 problèmes</translation>
    </message>
    <message>
        <source>&amp;None (endpoints as they are)</source>
        <translation>&amp;Aucun (points de terminaison inchangés)</translation>
    </message>
</context>
<context>
    <name>TrayStateText</name>
    <message>
        <source>A path from %1 failed: %2</source>
        <translation>Un chemin depuis %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>A path from %1 failed.</source>
        <translation>Un chemin depuis %1 a échoué.</translation>
    </message>
    <message>
        <source>The helper is not available.</source>
        <translation>L’assistant système n’est pas disponible.</translation>
    </message>
    <message>
        <source>This kernel has no MPTCP.</source>
        <translation>Ce noyau ne prend pas en charge MPTCP.</translation>
    </message>
    <message>
        <source>MPTCP is turned off.</source>
        <translation>MPTCP est désactivé.</translation>
    </message>
    <message>
        <source>A connection runs on its backup path only.</source>
        <translation>Une connexion ne fonctionne plus que sur son chemin de secours.</translation>
    </message>
    <message>
        <source>MPTCP Manager</source>
        <translation>MPTCP Manager</translation>
    </message>
    <message>
        <source>Off: %1</source>
        <translation>Désactivé&#xa0;: %1</translation>
    </message>
    <message>
        <source>On, no MPTCP connections</source>
        <translation>Activé, aucune connexion MPTCP</translation>
    </message>
    <message>
        <source>Connections: %1, paths: %2</source>
        <translation>Connexions&#xa0;: %1, chemins&#xa0;: %2</translation>
    </message>
    <message>
        <source>Degraded: %1</source>
        <translation>Dégradé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Doctor: %1</source>
        <translation>Diagnostic&#xa0;: %1</translation>
    </message>
    <message>
        <source>Doctor: %1 problems, first: %2</source>
        <translation>Diagnostic&#xa0;: %1 problèmes, le premier&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Multipath TCP paths, limits and live connections.</source>
        <translation>Chemins, limites et connexions actives de Multipath TCP.</translation>
    </message>
    <message>
        <source>Start in the system tray.</source>
        <translation>Démarrer dans la zone de notification.</translation>
    </message>
</context>
</TS>
