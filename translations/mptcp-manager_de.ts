<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivityPage</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>What the kernel&apos;s path manager reported, newest last: connections and paths opening and closing, addresses the other side announced. The same events as “ip mptcp monitor”, in words.</source>
        <translation>Was die Pfadverwaltung des Kernels gemeldet hat, neueste Einträge unten: Verbindungen und Pfade, die geöffnet und geschlossen werden, und Adressen, die die Gegenseite angekündigt hat. Dieselben Ereignisse wie bei „ip mptcp monitor“, in Worten.</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <source>Event type filter</source>
        <translation>Filter nach Ereignistyp</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>Connection filter</source>
        <translation>Filter nach Verbindung</translation>
    </message>
    <message>
        <source>All connections</source>
        <translation>Alle Verbindungen</translation>
    </message>
    <message>
        <source>Pause the log</source>
        <translation>Protokoll anhalten</translation>
    </message>
    <message>
        <source>Stop adding rows while you read; new events wait and are added when you resume.</source>
        <translation>Keine neuen Zeilen hinzufügen, während Sie lesen; neue Ereignisse warten und werden beim Fortsetzen hinzugefügt.</translation>
    </message>
    <message>
        <source>Copy selected events</source>
        <translation>Ausgewählte Ereignisse kopieren</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>Save the events shown as CSV or JSON.</source>
        <translation>Die angezeigten Ereignisse als CSV oder JSON speichern.</translation>
    </message>
    <message>
        <source>Clear the log</source>
        <translation>Protokoll leeren</translation>
    </message>
    <message>
        <source>Events waiting</source>
        <translation>Wartende Ereignisse</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Resume the log</source>
        <translation>Protokoll fortsetzen</translation>
    </message>
    <message>
        <source>Paused: %1 new events are waiting and will be added when you resume.</source>
        <translation>Angehalten: %1 neue Ereignisse warten und werden beim Fortsetzen hinzugefügt.</translation>
    </message>
    <message>
        <source>Copied %1 events.</source>
        <translation>%1 Ereignisse kopiert.</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>Ereignisse exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV-Datei (*.csv);;JSON-Datei (*.json)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>AddEndpointDialog</name>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <source> (down)</source>
        <translation> (inaktiv)</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>Endpunkt hinzufügen</translation>
    </message>
    <message>
        <source>An endpoint is an address of this computer that MPTCP may use for extra paths. Pick the network it belongs to.</source>
        <translation>Ein Endpunkt ist eine Adresse dieses Computers, die MPTCP für zusätzliche Pfade verwenden darf. Wählen Sie das Netzwerk, zu dem sie gehört.</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Any interface (the routing table decides)</source>
        <translation>Beliebige Schnittstelle (die Routingtabelle entscheidet)</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Schnittstelle:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.10 or 2001:db8::10</source>
        <translation>z. B. 192.0.2.10 oder 2001:db8::10</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Use this address to</source>
        <translation>Verwendung dieser Adresse</translation>
    </message>
    <message>
        <source>Open extra paths from it (this computer connects out)</source>
        <translation>Zusätzliche Pfade von ihr aus öffnen (dieser Computer baut Verbindungen auf)</translation>
    </message>
    <message>
        <source>Announce it to peers (this computer accepts connections)</source>
        <translation>Sie der Gegenseite ankündigen (dieser Computer nimmt Verbindungen an)</translation>
    </message>
    <message>
        <source>Carry data only when other paths fail (backup)</source>
        <translation>Daten nur übertragen, wenn andere Pfade ausfallen (Reserve)</translation>
    </message>
    <message>
        <source>Open a path to every address a peer announced (full mesh)</source>
        <translation>Einen Pfad zu jeder von der Gegenseite angekündigten Adresse öffnen (Vollvermaschung)</translation>
    </message>
    <message>
        <source>Follow the peer&apos;s announced addresses (laminar, Linux 6.18+)</source>
        <translation>Den von der Gegenseite angekündigten Adressen folgen (laminar, Linux 6.18+)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Only for announced addresses: the port peers should connect to.</source>
        <translation>Nur für angekündigte Adressen: der Port, mit dem sich die Gegenseite verbinden soll.</translation>
    </message>
    <message>
        <source>&amp;Port (announce only):</source>
        <translation>&amp;Port (nur beim Ankündigen):</translation>
    </message>
    <message>
        <source>Endpoint ID</source>
        <translation>Endpunkt-ID</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>I&amp;D:</source>
        <translation>I&amp;D:</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter or pick the address to use.</source>
        <translation>Geben Sie die zu verwendende Adresse ein oder wählen Sie sie aus.</translation>
    </message>
    <message>
        <source>Cannot add: %1</source>
        <translation>Hinzufügen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Ready to add.</source>
        <translation>Bereit zum Hinzufügen.</translation>
    </message>
    <message>
        <source>The helper refused: %1</source>
        <translation>Der Hilfsdienst hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>Adding… (you may be asked for a password)</source>
        <translation>Wird hinzugefügt… (eventuell werden Sie nach einem Passwort gefragt)</translation>
    </message>
</context>
<context>
    <name>AutostartEntry</name>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht erstellt werden.</translation>
    </message>
</context>
<context>
    <name>ConnectionModel</name>
    <message>
        <source>MPTCP connection, token %1 (paths: %2)</source>
        <translation>MPTCP-Verbindung, Token %1 (Pfade: %2)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>paths: %1</source>
        <translation>Pfade: %1</translation>
    </message>
    <message>
        <source>paths: %1 (%2)</source>
        <translation>Pfade: %1 (%2)</translation>
    </message>
    <message>
        <source>Plain TCP (the peer has no MPTCP)</source>
        <translation>Normales TCP (die Gegenseite hat kein MPTCP)</translation>
    </message>
    <message>
        <source>Path (subflow) with local id %1 and remote id %2</source>
        <translation>Pfad (Teilverbindung) mit lokaler ID %1 und entfernter ID %2</translation>
    </message>
    <message>
        <source>chosen by routing</source>
        <translation>durch Routing gewählt</translation>
    </message>
    <message>
        <source>(routing)</source>
        <translation>(Routing)</translation>
    </message>
    <message>
        <source>Backup (both sides)</source>
        <translation>Reserve (beide Seiten)</translation>
    </message>
    <message>
        <source>Backup (this side)</source>
        <translation>Reserve (diese Seite)</translation>
    </message>
    <message>
        <source>Backup (peer asked)</source>
        <translation>Reserve (von Gegenseite angefordert)</translation>
    </message>
    <message>
        <source>Not a backup</source>
        <translation>Keine Reserve</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Bytes sent and received per second, both directions together</source>
        <translation>Pro Sekunde gesendete und empfangene Bytes, beide Richtungen zusammen</translation>
    </message>
    <message>
        <source>Round-trip time the kernel measured on this path</source>
        <translation>Vom Kernel auf diesem Pfad gemessene Umlaufzeit</translation>
    </message>
    <message>
        <source>A backup path carries data only when the other paths fail</source>
        <translation>Ein Reservepfad überträgt nur dann Daten, wenn die anderen Pfade ausfallen</translation>
    </message>
    <message>
        <source>Connection / path</source>
        <translation>Verbindung / Pfad</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Umlaufzeit</translation>
    </message>
</context>
<context>
    <name>ConnectionsPage</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Each MPTCP connection of this computer with its paths (subflows): which network each path uses, how much it carried and how fast. Pick a connection to see its paths share the load below.</source>
        <translation>Jede MPTCP-Verbindung dieses Computers mit ihren Pfaden (Teilverbindungen): welches Netzwerk jeder Pfad nutzt, wie viel er übertragen hat und wie schnell. Wählen Sie eine Verbindung, um unten zu sehen, wie sich ihre Pfade die Last teilen.</translation>
    </message>
    <message>
        <source>Connections and their paths</source>
        <translation>Verbindungen und ihre Pfade</translation>
    </message>
    <message>
        <source>Expand a connection to see its paths.</source>
        <translation>Klappen Sie eine Verbindung auf, um ihre Pfade zu sehen.</translation>
    </message>
    <message>
        <source>No connections</source>
        <translation>Keine Verbindungen</translation>
    </message>
    <message>
        <source>No MPTCP connections right now. Programs use MPTCP when they ask for it (or through mptcpize); their connections show up here by themselves.</source>
        <translation>Derzeit keine MPTCP-Verbindungen. Programme verwenden MPTCP, wenn sie es anfordern (oder über mptcpize); ihre Verbindungen erscheinen dann von selbst hier.</translation>
    </message>
    <message>
        <source>Connections cannot be read right now; the message at the top says why.</source>
        <translation>Verbindungen können derzeit nicht gelesen werden; die Meldung oben nennt den Grund.</translation>
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
        <translation>Aufgebaut</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindungsaufbau</translation>
    </message>
    <message>
        <source>Answering a connection</source>
        <translation>Beantwortet eine Verbindungsanfrage</translation>
    </message>
    <message>
        <source>Closing (sent end)</source>
        <translation>Wird geschlossen (Ende gesendet)</translation>
    </message>
    <message>
        <source>Closed, waiting</source>
        <translation>Geschlossen, wartet</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Closing (peer ended)</source>
        <translation>Wird geschlossen (Gegenseite hat beendet)</translation>
    </message>
    <message>
        <source>Closing (last data)</source>
        <translation>Wird geschlossen (letzte Daten)</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Lauscht</translation>
    </message>
    <message>
        <source>Closing (both ended)</source>
        <translation>Wird geschlossen (beide haben beendet)</translation>
    </message>
    <message>
        <source>State %1</source>
        <translation>Zustand %1</translation>
    </message>
</context>
<context>
    <name>DoctorPage</name>
    <message>
        <source>&amp;Fix it</source>
        <translation>&amp;Beheben</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Looks at the kernel, the endpoints, the interfaces, the routes and the live connections, and says why a second path would not open.</source>
        <translation>Untersucht den Kernel, die Endpunkte, die Schnittstellen, die Routen und die aktiven Verbindungen und erklärt, warum sich kein zweiter Pfad öffnen würde.</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Selected finding</source>
        <translation>Ausgewählter Befund</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>Warum das wichtig ist</translation>
    </message>
    <message>
        <source>How to fix it</source>
        <translation>So beheben Sie es</translation>
    </message>
    <message>
        <source>Makes this change through the helper (you may be asked for a password).</source>
        <translation>Nimmt diese Änderung über den Hilfsdienst vor (eventuell werden Sie nach einem Passwort gefragt).</translation>
    </message>
    <message>
        <source>How to fix it:</source>
        <translation>So beheben Sie es:</translation>
    </message>
    <message>
        <source>Nothing is wrong: MPTCP can open every path you configured.</source>
        <translation>Alles in Ordnung: MPTCP kann jeden eingerichteten Pfad öffnen.</translation>
    </message>
    <message>
        <source>Nothing is wrong; a few notes below.</source>
        <translation>Alles in Ordnung; unten stehen einige Hinweise.</translation>
    </message>
    <message>
        <source>One thing stops or weakens multipath:</source>
        <translation>Eine Sache verhindert oder schwächt den Multipath-Betrieb:</translation>
    </message>
    <message>
        <source>%1 things stop or weaken multipath, most fundamental first:</source>
        <translation>%1 Dinge verhindern oder schwächen den Multipath-Betrieb, das Grundlegendste zuerst:</translation>
    </message>
    <message>
        <source>Fixed: %1</source>
        <translation>Behoben: %1</translation>
    </message>
    <message>
        <source>The helper is not available; what follows is what it found last.</source>
        <translation>Der Hilfsdienst ist nicht verfügbar; hier steht, was er zuletzt gefunden hat.</translation>
    </message>
    <message>
        <source>The helper is not available: nothing was checked.</source>
        <translation>Der Hilfsdienst ist nicht verfügbar: Nichts wurde geprüft.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>EndpointInputText</name>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>The ID must be a number from 1 to 255, or empty.</source>
        <translation>Die ID muss eine Zahl von 1 bis 255 sein oder leer bleiben.</translation>
    </message>
    <message>
        <source>Without “Announce”, “Open paths” or “Laminar” the kernel keeps this endpoint but does not use it for new paths.</source>
        <translation>Ohne „Ankündigen“, „Pfade öffnen“ oder „Laminar“ behält der Kernel diesen Endpunkt, nutzt ihn aber nicht für neue Pfade.</translation>
    </message>
    <message>
        <source>Choosing the interface makes sure the extra path leaves through it, even when routing would pick another.</source>
        <translation>Die Wahl der Schnittstelle stellt sicher, dass der zusätzliche Pfad über sie läuft, auch wenn das Routing eine andere wählen würde.</translation>
    </message>
</context>
<context>
    <name>EndpointModel</name>
    <message>
        <source>%1: on</source>
        <translation>%1: an</translation>
    </message>
    <message>
        <source>%1: off</source>
        <translation>%1: aus</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
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
        <translation>Schnittstelle</translation>
    </message>
</context>
<context>
    <name>EndpointsPage</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete a&amp;ll…</source>
        <translation>&amp;Alle löschen…</translation>
    </message>
    <message>
        <source>&amp;Undo “Delete all”</source>
        <translation>„Alle löschen“ &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Addresses of this computer that MPTCP may use besides the one a connection starts on. For Wi-Fi and mobile data together, add the mobile address with “Open paths” on the computer that connects out.</source>
        <translation>Adressen dieses Computers, die MPTCP zusätzlich zu der Adresse verwenden darf, über die eine Verbindung beginnt. Für WLAN und mobile Daten gleichzeitig fügen Sie auf dem Computer, der die Verbindung aufbaut, die Mobilfunkadresse mit „Pfade öffnen“ hinzu.</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>Endpunkt hinzufügen</translation>
    </message>
    <message>
        <source>Delete selected endpoints</source>
        <translation>Ausgewählte Endpunkte löschen</translation>
    </message>
    <message>
        <source>Delete all endpoints</source>
        <translation>Alle Endpunkte löschen</translation>
    </message>
    <message>
        <source>Undo delete all</source>
        <translation>„Alle löschen“ rückgängig machen</translation>
    </message>
    <message>
        <source>Puts back the endpoints that “Delete all” removed.</source>
        <translation>Stellt die Endpunkte wieder her, die „Alle löschen“ entfernt hat.</translation>
    </message>
    <message>
        <source>Refresh endpoints</source>
        <translation>Endpunkte aktualisieren</translation>
    </message>
    <message>
        <source>Read the endpoints again (changes made with “ip mptcp” show up within a few seconds anyway).</source>
        <translation>Die Endpunkte erneut einlesen (mit „ip mptcp“ vorgenommene Änderungen erscheinen ohnehin innerhalb weniger Sekunden).</translation>
    </message>
    <message>
        <source>One row per endpoint; the flag columns are check boxes, Backup and Full mesh can be changed with Space.</source>
        <translation>Eine Zeile pro Endpunkt; die Flag-Spalten sind Ankreuzfelder, Reserve und Vollvermaschung lassen sich mit der Leertaste umschalten.</translation>
    </message>
    <message>
        <source>What the flags mean</source>
        <translation>Was die Flags bedeuten</translation>
    </message>
    <message>
        <source>What the columns mean</source>
        <translation>Was die Spalten bedeuten</translation>
    </message>
    <message>
        <source>A connection has two sides: the one that connects out (a laptop, a phone) and the one that accepts (a server). Some settings matter on one side only.</source>
        <translation>Eine Verbindung hat zwei Seiten: die, die sie aufbaut (ein Laptop, ein Telefon), und die, die sie annimmt (ein Server). Manche Einstellungen sind nur auf einer Seite von Bedeutung.</translation>
    </message>
    <message>
        <source>No endpoints</source>
        <translation>Keine Endpunkte</translation>
    </message>
    <message>
        <source>The endpoints are back.</source>
        <translation>Die Endpunkte sind wiederhergestellt.</translation>
    </message>
    <message>
        <source>The endpoints cannot be read right now; the message at the top says why.</source>
        <translation>Die Endpunkte können derzeit nicht gelesen werden; die Meldung oben nennt den Grund.</translation>
    </message>
    <message>
        <source>No endpoints: connections use only the address they start on.</source>
        <translation>Keine Endpunkte: Verbindungen verwenden nur die Adresse, über die sie beginnen.</translation>
    </message>
    <message>
        <source>No endpoints yet: connections use only the address they start on. Press “Add…” to let MPTCP use another network as well.</source>
        <translation>Noch keine Endpunkte: Verbindungen verwenden nur die Adresse, über die sie beginnen. Klicken Sie auf „Hinzufügen…“, damit MPTCP zusätzlich ein anderes Netzwerk nutzen kann.</translation>
    </message>
    <message>
        <source>Endpoint %1 added.</source>
        <translation>Endpunkt %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Delete all endpoints?</source>
        <translation>Alle Endpunkte löschen?</translation>
    </message>
    <message>
        <source>All %1 endpoints will be deleted, and connections stop opening extra paths. You can undo this once with “Undo ‘Delete all’”.</source>
        <translation>Alle %1 Endpunkte werden gelöscht, und Verbindungen öffnen keine zusätzlichen Pfade mehr. Sie können dies einmal mit „‚Alle löschen‘ rückgängig machen“ widerrufen.</translation>
    </message>
    <message>
        <source>Delete all</source>
        <translation>Alle löschen</translation>
    </message>
    <message>
        <source>All endpoints deleted. “Undo” puts them back.</source>
        <translation>Alle Endpunkte gelöscht. „Rückgängig machen“ stellt sie wieder her.</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Events that did not fit while the log was paused: %1.</source>
        <translation>Ereignisse, die während der Pause nicht mehr hineinpassten: %1.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>Events lost</source>
        <translation>Ereignisse verloren</translation>
    </message>
    <message>
        <source>Connection started</source>
        <translation>Verbindung begonnen</translation>
    </message>
    <message>
        <source>Connection established</source>
        <translation>Verbindung hergestellt</translation>
    </message>
    <message>
        <source>Connection closed</source>
        <translation>Verbindung geschlossen</translation>
    </message>
    <message>
        <source>Peer announced an address</source>
        <translation>Gegenseite hat eine Adresse angekündigt</translation>
    </message>
    <message>
        <source>Peer withdrew an address</source>
        <translation>Gegenseite hat eine Adresse zurückgezogen</translation>
    </message>
    <message>
        <source>Path opened</source>
        <translation>Pfad geöffnet</translation>
    </message>
    <message>
        <source>Path closed</source>
        <translation>Pfad geschlossen</translation>
    </message>
    <message>
        <source>Path backup setting changed</source>
        <translation>Reserve-Einstellung des Pfads geändert</translation>
    </message>
    <message>
        <source>Listening started</source>
        <translation>Lauschen begonnen</translation>
    </message>
    <message>
        <source>Listening stopped</source>
        <translation>Lauschen beendet</translation>
    </message>
    <message>
        <source>Unknown event %1</source>
        <translation>Unbekanntes Ereignis %1</translation>
    </message>
    <message>
        <source>unspecified error</source>
        <translation>nicht näher bestimmter Fehler</translation>
    </message>
    <message>
        <source>MPTCP-specific error</source>
        <translation>MPTCP-spezifischer Fehler</translation>
    </message>
    <message>
        <source>lack of resources</source>
        <translation>Mangel an Ressourcen</translation>
    </message>
    <message>
        <source>administratively prohibited</source>
        <translation>administrativ untersagt</translation>
    </message>
    <message>
        <source>too much outstanding data</source>
        <translation>zu viele unbestätigte Daten</translation>
    </message>
    <message>
        <source>unacceptable performance</source>
        <translation>inakzeptable Leistung</translation>
    </message>
    <message>
        <source>middlebox interference</source>
        <translation>Störung durch eine Middlebox</translation>
    </message>
    <message>
        <source>unknown reason %1</source>
        <translation>unbekannter Grund %1</translation>
    </message>
    <message>
        <source>The kernel dropped events because they came faster than they could be read; the connections and endpoints were read again.</source>
        <translation>Der Kernel hat Ereignisse verworfen, weil sie schneller eintrafen, als sie gelesen werden konnten; Verbindungen und Endpunkte wurden neu eingelesen.</translation>
    </message>
    <message>
        <source>local id %1</source>
        <translation>lokale ID %1</translation>
    </message>
    <message>
        <source>remote id %1</source>
        <translation>entfernte ID %1</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>not a backup</source>
        <translation>keine Reserve</translation>
    </message>
    <message>
        <source>interface %1</source>
        <translation>Schnittstelle %1</translation>
    </message>
    <message>
        <source>interface #%1</source>
        <translation>Schnittstelle #%1</translation>
    </message>
    <message>
        <source>error: %1 (%2)</source>
        <translation>Fehler: %1 (%2)</translation>
    </message>
    <message>
        <source>reset by the peer: %1</source>
        <translation>von der Gegenseite zurückgesetzt: %1</translation>
    </message>
    <message>
        <source>reset flags 0x%1</source>
        <translation>Reset-Flags 0x%1</translation>
    </message>
    <message>
        <source>timeout %1 s</source>
        <translation>Zeitlimit %1 s</translation>
    </message>
    <message>
        <source>this side accepted the connection</source>
        <translation>diese Seite hat die Verbindung angenommen</translation>
    </message>
    <message>
        <source>this side started the connection</source>
        <translation>diese Seite hat die Verbindung aufgebaut</translation>
    </message>
</context>
<context>
    <name>FindingModel</name>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>FlagHelp</name>
    <message>
        <source>Announce</source>
        <translation>Ankündigen</translation>
    </message>
    <message>
        <source>Open paths</source>
        <translation>Pfade öffnen</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>Full mesh</source>
        <translation>Vollvermaschung</translation>
    </message>
    <message>
        <source>Laminar</source>
        <translation>Laminar</translation>
    </message>
    <message>
        <source>Kernel-made</source>
        <translation>Vom Kernel angelegt</translation>
    </message>
    <message>
        <source>Flag 0x%1</source>
        <translation>Flag 0x%1</translation>
    </message>
    <message>
        <source>Announce (signal): tell the other side of each connection about this address, so it can open an extra path to it. Useful on the side that accepts connections (a server).</source>
        <translation>Ankündigen (signal): der Gegenseite jeder Verbindung diese Adresse mitteilen, damit sie einen zusätzlichen Pfad zu ihr öffnen kann. Sinnvoll auf der Seite, die Verbindungen annimmt (einem Server).</translation>
    </message>
    <message>
        <source>Open paths (subflow): open an extra path from this address for each connection. Useful on the side that starts connections (a laptop or phone). Needs the “Paths per connection” limit above zero.</source>
        <translation>Pfade öffnen (subflow): für jede Verbindung einen zusätzlichen Pfad von dieser Adresse aus öffnen. Sinnvoll auf der Seite, die Verbindungen aufbaut (einem Laptop oder Telefon). Setzt voraus, dass der Grenzwert „Pfade pro Verbindung“ über null liegt.</translation>
    </message>
    <message>
        <source>Backup: use paths from this address only when the other paths fail, for example a metered mobile link. Works on both sides. Can be changed at any time.</source>
        <translation>Reserve: Pfade von dieser Adresse nur verwenden, wenn die anderen Pfade ausfallen, zum Beispiel bei einer volumenbegrenzten Mobilfunkverbindung. Wirkt auf beiden Seiten. Kann jederzeit geändert werden.</translation>
    </message>
    <message>
        <source>Full mesh: open a path from this address to every address the other side announced, not just to one. For the side that starts connections, with “Open paths” only. Can be changed at any time.</source>
        <translation>Vollvermaschung: einen Pfad von dieser Adresse zu jeder Adresse öffnen, die die Gegenseite angekündigt hat, nicht nur zu einer. Für die Seite, die Verbindungen aufbaut, nur zusammen mit „Pfade öffnen“. Kann jederzeit geändert werden.</translation>
    </message>
    <message>
        <source>Laminar: use this address for paths towards the addresses the other side announces, one path each (Linux 6.18 and newer). For the side that starts connections.</source>
        <translation>Laminar: diese Adresse für Pfade zu den von der Gegenseite angekündigten Adressen verwenden, je ein Pfad pro Adresse (Linux 6.18 und neuer). Für die Seite, die Verbindungen aufbaut.</translation>
    </message>
    <message>
        <source>Kernel-made (implicit): the kernel added this entry itself for an address a connection used. It cannot be set by hand; delete it or add a real endpoint with the same address.</source>
        <translation>Vom Kernel angelegt (implicit): Der Kernel hat diesen Eintrag selbst für eine Adresse angelegt, die eine Verbindung verwendet hat. Er kann nicht von Hand gesetzt werden; löschen Sie ihn oder fügen Sie einen echten Endpunkt mit derselben Adresse hinzu.</translation>
    </message>
</context>
<context>
    <name>HelperClient</name>
    <message>
        <source>This program cannot reach the system bus (%1).</source>
        <translation>Dieses Programm kann den Systembus nicht erreichen (%1).</translation>
    </message>
    <message>
        <source>Live events are not available: %1</source>
        <translation>Live-Ereignisse sind nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The helper stopped; events until it is back are missing.</source>
        <translation>Der Hilfsdienst wurde beendet; Ereignisse bis zu seiner Rückkehr fehlen.</translation>
    </message>
    <message>
        <source>Add endpoint %1</source>
        <translation>Endpunkt %1 hinzufügen</translation>
    </message>
    <message>
        <source>Delete endpoint %1</source>
        <translation>Endpunkt %1 löschen</translation>
    </message>
    <message>
        <source>Change endpoint %1</source>
        <translation>Endpunkt %1 ändern</translation>
    </message>
    <message>
        <source>Delete every endpoint</source>
        <translation>Alle Endpunkte löschen</translation>
    </message>
    <message>
        <source>Change limits</source>
        <translation>Grenzwerte ändern</translation>
    </message>
    <message>
        <source>Restore endpoints and limits</source>
        <translation>Endpunkte und Grenzwerte wiederherstellen</translation>
    </message>
    <message>
        <source>Change net.mptcp.%1</source>
        <translation>net.mptcp.%1 ändern</translation>
    </message>
    <message>
        <source>This problem has no fix the helper can make; follow the steps shown.</source>
        <translation>Für dieses Problem gibt es keine Behebung durch den Hilfsdienst; folgen Sie den angezeigten Schritten.</translation>
    </message>
    <message>
        <source>Fix &quot;%1&quot;</source>
        <translation>„%1“ beheben</translation>
    </message>
    <message>
        <source>Save profile &quot;%1&quot;</source>
        <translation>Profil „%1“ speichern</translation>
    </message>
    <message>
        <source>Delete profile &quot;%1&quot;</source>
        <translation>Profil „%1“ löschen</translation>
    </message>
    <message>
        <source>Use profile &quot;%1&quot;</source>
        <translation>Profil „%1“ verwenden</translation>
    </message>
    <message>
        <source>Stop using the profile</source>
        <translation>Profil nicht mehr verwenden</translation>
    </message>
</context>
<context>
    <name>HelperErrorText</name>
    <message>
        <source>The MPTCP Manager helper is not installed or cannot be started (%1).</source>
        <translation>Der Hilfsdienst von MPTCP Manager ist nicht installiert oder kann nicht gestartet werden (%1).</translation>
    </message>
    <message>
        <source>The system bus does not let this program talk to the helper; is the helper&apos;s bus policy installed? (%1)</source>
        <translation>Der Systembus erlaubt diesem Programm nicht, mit dem Hilfsdienst zu kommunizieren; ist die Bus-Richtlinie des Hilfsdienstes installiert? (%1)</translation>
    </message>
    <message>
        <source>This program lost its connection to the system bus.</source>
        <translation>Dieses Programm hat die Verbindung zum Systembus verloren.</translation>
    </message>
    <message>
        <source>The helper did not answer in time.</source>
        <translation>Der Hilfsdienst hat nicht rechtzeitig geantwortet.</translation>
    </message>
</context>
<context>
    <name>LimitsAdvice</name>
    <message>
        <source>No extra paths can open: “Paths per connection” is 0, so the endpoints set to open paths are not used.</source>
        <translation>Es können keine zusätzlichen Pfade geöffnet werden: „Pfade pro Verbindung“ ist 0, daher werden die Endpunkte, die Pfade öffnen sollen, nicht verwendet.</translation>
    </message>
    <message>
        <source>Only %1 of the endpoints that open paths (%2 in all) can be used at once: raise “Paths per connection” to use them all.</source>
        <translation>Nur %1 der Endpunkte, die Pfade öffnen (insgesamt %2), können gleichzeitig genutzt werden: Erhöhen Sie „Pfade pro Verbindung“, um alle zu nutzen.</translation>
    </message>
    <message>
        <source>Addresses the other side announces are accepted but never used, because “Paths per connection” is 0.</source>
        <translation>Von der Gegenseite angekündigte Adressen werden angenommen, aber nie genutzt, weil „Pfade pro Verbindung“ 0 ist.</translation>
    </message>
    <message>
        <source>The other side announced addresses (%1 so far), but “Accepted announcements” is 0, so no path opens towards them.</source>
        <translation>Die Gegenseite hat Adressen angekündigt (bisher %1), aber „Angenommene Ankündigungen“ ist 0, daher öffnet sich kein Pfad zu ihnen.</translation>
    </message>
</context>
<context>
    <name>LimitsPage</name>
    <message>
        <source>Limits</source>
        <translation>Grenzwerte</translation>
    </message>
    <message>
        <source>Upper bounds the kernel applies to every MPTCP connection. Both sides have their own limits; a path opens only if both allow it.</source>
        <translation>Obergrenzen, die der Kernel auf jede MPTCP-Verbindung anwendet. Beide Seiten haben eigene Grenzwerte; ein Pfad öffnet sich nur, wenn beide ihn zulassen.</translation>
    </message>
    <message>
        <source>Paths per connection</source>
        <translation>Pfade pro Verbindung</translation>
    </message>
    <message>
        <source>How many extra paths (subflows) each connection may have besides its first one. 0 keeps every connection on a single path.</source>
        <translation>Wie viele zusätzliche Pfade (Teilverbindungen) jede Verbindung neben ihrem ersten haben darf. Bei 0 bleibt jede Verbindung auf einem einzigen Pfad.</translation>
    </message>
    <message>
        <source>Accepted announcements</source>
        <translation>Angenommene Ankündigungen</translation>
    </message>
    <message>
        <source>How many addresses announced by the other side each connection may use to open paths towards. 0 ignores every announcement.</source>
        <translation>Zu wie vielen von der Gegenseite angekündigten Adressen jede Verbindung Pfade öffnen darf. Bei 0 wird jede Ankündigung ignoriert.</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Limits state</source>
        <translation>Zustand der Grenzwerte</translation>
    </message>
    <message>
        <source>0 to %1 (the kernel&apos;s most)</source>
        <translation>0 bis %1 (Höchstwert des Kernels)</translation>
    </message>
    <message>
        <source>These are the kernel&apos;s current limits.</source>
        <translation>Dies sind die aktuellen Grenzwerte des Kernels.</translation>
    </message>
    <message>
        <source>Changed; applying in a moment…</source>
        <translation>Geändert; wird gleich angewendet…</translation>
    </message>
    <message>
        <source>Applying… (you may be asked for a password)</source>
        <translation>Wird angewendet… (eventuell werden Sie nach einem Passwort gefragt)</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Angewendet.</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Warnung:</translation>
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
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzwerte</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Helper status</source>
        <translation>Status des Hilfsdienstes</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 – fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>&amp;MPTCP Manager</source>
        <translation>&amp;MPTCP Manager</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About MPTCP Manager</source>
        <translation>Ü&amp;ber MPTCP Manager</translation>
    </message>
    <message>
        <source>About MPTCP Manager</source>
        <translation>Über MPTCP Manager</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;MPTCP Manager&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Lets one connection use several networks at once (Multipath TCP): Wi-Fi and mobile data together, or Ethernet with a backup. Changes go through a small privileged helper that asks the system whether you may make them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;MPTCP Manager&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Lässt eine Verbindung mehrere Netzwerke gleichzeitig nutzen (Multipath TCP): WLAN und mobile Daten zusammen oder Ethernet mit einer Reserve. Änderungen laufen über einen kleinen privilegierten Hilfsdienst, der beim System nachfragt, ob Sie sie vornehmen dürfen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Helper: connecting</source>
        <translation>Hilfsdienst: Verbindung wird hergestellt</translation>
    </message>
    <message>
        <source>Helper: running</source>
        <translation>Hilfsdienst: läuft</translation>
    </message>
    <message>
        <source>Helper: restarting</source>
        <translation>Hilfsdienst: startet neu</translation>
    </message>
    <message>
        <source>Helper: not available</source>
        <translation>Hilfsdienst: nicht verfügbar</translation>
    </message>
    <message>
        <source>MPTCP: not in this kernel</source>
        <translation>MPTCP: nicht in diesem Kernel</translation>
    </message>
    <message>
        <source>MPTCP: on</source>
        <translation>MPTCP: an</translation>
    </message>
    <message>
        <source>MPTCP: off</source>
        <translation>MPTCP: aus</translation>
    </message>
    <message>
        <source>path manager: %1</source>
        <translation>Pfadverwaltung: %1</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
</context>
<context>
    <name>ManagerApp</name>
    <message>
        <source>Profile not switched</source>
        <translation>Profil nicht gewechselt</translation>
    </message>
</context>
<context>
    <name>NetworkInterfaces</name>
    <message>
        <source>Wi-Fi</source>
        <translation>WLAN</translation>
    </message>
    <message>
        <source>Ethernet</source>
        <translation>Ethernet</translation>
    </message>
    <message>
        <source>Mobile broadband</source>
        <translation>Mobiles Breitband</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message>
        <source>the path over %1 (%2 → %3)</source>
        <translation>der Pfad über %1 (%2 → %3)</translation>
    </message>
    <message>
        <source>the path %1 → %2</source>
        <translation>der Pfad %1 → %2</translation>
    </message>
    <message>
        <source>New path in use</source>
        <translation>Neuer Pfad in Verwendung</translation>
    </message>
    <message>
        <source>An MPTCP connection now also uses %1.</source>
        <translation>In einer MPTCP-Verbindung ist jetzt zusätzlich %1 aktiv.</translation>
    </message>
    <message>
        <source>Path closed</source>
        <translation>Pfad geschlossen</translation>
    </message>
    <message>
        <source> The peer reset it: %1.</source>
        <translation> Die Gegenseite hat ihn zurückgesetzt: %1.</translation>
    </message>
    <message>
        <source> Error: %1.</source>
        <translation> Fehler: %1.</translation>
    </message>
    <message>
        <source>An MPTCP connection stopped using %1.</source>
        <translation>In einer MPTCP-Verbindung wird %1 nicht mehr genutzt.</translation>
    </message>
    <message>
        <source>Path is now a backup</source>
        <translation>Pfad ist jetzt ein Reservepfad</translation>
    </message>
    <message>
        <source>Backup path in use</source>
        <translation>Reservepfad in Verwendung</translation>
    </message>
    <message>
        <source>%1 now carries data only if the others fail.</source>
        <translation>%1 überträgt jetzt nur noch dann Daten, wenn die anderen ausfallen.</translation>
    </message>
    <message>
        <source>%1 now carries data.</source>
        <translation>%1 überträgt jetzt Daten.</translation>
    </message>
    <message>
        <source>MPTCP paths changed</source>
        <translation>MPTCP-Pfade geändert</translation>
    </message>
    <message>
        <source>paths opened: %1</source>
        <translation>geöffnete Pfade: %1</translation>
    </message>
    <message>
        <source>paths closed: %1</source>
        <translation>geschlossene Pfade: %1</translation>
    </message>
    <message>
        <source>backup changes: %1</source>
        <translation>Reservewechsel: %1</translation>
    </message>
</context>
<context>
    <name>ProfileEditorDialog</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Set paths per connection to</source>
        <translation>Pfade pro Verbindung setzen auf</translation>
    </message>
    <message>
        <source>Set accepted announcements to</source>
        <translation>Angenommene Ankündigungen setzen auf</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save and &amp;use</source>
        <translation>Speichern und &amp;verwenden</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Edit profile &quot;%1&quot;</source>
        <translation>Profil „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Saving under another name makes a new profile; this one stays.</source>
        <translation>Beim Speichern unter einem anderen Namen entsteht ein neues Profil; dieses bleibt erhalten.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <source>Unticked: the profile leaves the limit as it is.</source>
        <translation>Nicht angekreuzt: Das Profil lässt den Grenzwert unverändert.</translation>
    </message>
    <message>
        <source>Interfaces (the first rule that matches decides)</source>
        <translation>Schnittstellen (die erste passende Regel entscheidet)</translation>
    </message>
    <message>
        <source>Interface or pattern</source>
        <translation>Schnittstelle oder Muster</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Adressfamilie</translation>
    </message>
    <message>
        <source>Temporary IPv6</source>
        <translation>Temporäre IPv6-Adressen</translation>
    </message>
    <message>
        <source>Interface rules</source>
        <translation>Schnittstellenregeln</translation>
    </message>
    <message>
        <source>An interface name, a pattern such as wl* or kind:wifi, kind:ethernet, kind:wwan.</source>
        <translation>Ein Schnittstellenname, ein Muster wie wl* oder kind:wifi, kind:ethernet, kind:wwan.</translation>
    </message>
    <message>
        <source>Also use IPv6 privacy addresses, which change every few hours.</source>
        <translation>Auch IPv6-Datenschutzadressen verwenden, die sich alle paar Stunden ändern.</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Fixed endpoints</source>
        <translation>Feste Endpunkte</translation>
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
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>Endpunkt hinzufügen</translation>
    </message>
    <message>
        <source>net.mptcp settings</source>
        <translation>net.mptcp-Einstellungen</translation>
    </message>
    <message>
        <source>Name (without net.mptcp.)</source>
        <translation>Name (ohne net.mptcp.)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add setting</source>
        <translation>Einstellung hinzufügen</translation>
    </message>
    <message>
        <source>If you use it now</source>
        <translation>Wenn Sie es jetzt verwenden</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>IPv4 and IPv6</source>
        <translation>IPv4 und IPv6</translation>
    </message>
    <message>
        <source>IPv4 only</source>
        <translation>Nur IPv4</translation>
    </message>
    <message>
        <source>IPv6 only</source>
        <translation>Nur IPv6</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Saved, but not in use: %1</source>
        <translation>Gespeichert, aber nicht in Verwendung: %1</translation>
    </message>
</context>
<context>
    <name>ProfileText</name>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>no flags</source>
        <translation>keine Flags</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 auf %2 (%3)</translation>
    </message>
    <message>
        <source>No profile is in use: the endpoints stay as they are until you change them.</source>
        <translation>Kein Profil in Verwendung: Die Endpunkte bleiben, wie sie sind, bis Sie sie ändern.</translation>
    </message>
    <message>
        <source>In use: &lt;b&gt;%1&lt;/b&gt;. The helper keeps it true as addresses come and go.</source>
        <translation>In Verwendung: &lt;b&gt;%1&lt;/b&gt;. Der Hilfsdienst hält es aufrecht, auch wenn Adressen kommen und gehen.</translation>
    </message>
    <message>
        <source>In use: &lt;b&gt;%1&lt;/b&gt;, with errors.</source>
        <translation>In Verwendung: &lt;b&gt;%1&lt;/b&gt;, mit Fehlern.</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Endpoints it keeps</source>
        <translation>Endpunkte, die es verwaltet</translation>
    </message>
    <message>
        <source>Waiting for their link to come back</source>
        <translation>Warten, bis ihre Schnittstelle wieder verbunden ist</translation>
    </message>
    <message>
        <source>Not made</source>
        <translation>Nicht angelegt</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Changed by someone else, no longer managed</source>
        <translation>Von anderer Seite geändert, nicht mehr verwaltet</translation>
    </message>
    <message>
        <source>Last look at the network, %1</source>
        <translation>Netzwerk zuletzt geprüft %1</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message>
        <source>Would add</source>
        <translation>Würde hinzufügen</translation>
    </message>
    <message>
        <source>Would change (in place, live paths stay)</source>
        <translation>Würde ändern (direkt, bestehende Pfade bleiben)</translation>
    </message>
    <message>
        <source>Would delete</source>
        <translation>Würde löschen</translation>
    </message>
    <message>
        <source>Would keep</source>
        <translation>Würde behalten</translation>
    </message>
    <message>
        <source>Would not make</source>
        <translation>Würde nicht anlegen</translation>
    </message>
    <message>
        <source>Nothing would change now: no interface matches a rule with a usable address. The profile still applies when one appears.</source>
        <translation>Jetzt würde sich nichts ändern: Keine Schnittstelle passt zu einer Regel mit verwendbarer Adresse. Das Profil greift trotzdem, sobald eine erscheint.</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>%1 (built in)</source>
        <translation>%1 (eingebaut)</translation>
    </message>
    <message>
        <source>%1 — in use</source>
        <translation>%1 — in Verwendung</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>&amp;Verwenden</translation>
    </message>
    <message>
        <source>&amp;Stop using</source>
        <translation>Verwendung b&amp;eenden</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Co&amp;py…</source>
        <translation>&amp;Kopieren…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>A profile says which interfaces carry extra paths. The helper keeps it true while addresses come and go, after suspend and after a reboot, and never touches endpoints it did not make.</source>
        <translation>Ein Profil legt fest, welche Schnittstellen zusätzliche Pfade tragen. Der Hilfsdienst hält es aufrecht, während Adressen kommen und gehen, nach dem Ruhezustand und nach einem Neustart, und rührt nie Endpunkte an, die er nicht selbst angelegt hat.</translation>
    </message>
    <message>
        <source>Profile status</source>
        <translation>Profilstatus</translation>
    </message>
    <message>
        <source>Make the selected profile the one the helper keeps true.</source>
        <translation>Das ausgewählte Profil zu dem machen, das der Hilfsdienst aufrechterhält.</translation>
    </message>
    <message>
        <source>Delete the endpoints the profile made and stop following the network. Limits keep their values.</source>
        <translation>Die vom Profil angelegten Endpunkte löschen und dem Netzwerk nicht mehr folgen. Die Grenzwerte behalten ihre Werte.</translation>
    </message>
    <message>
        <source>A new profile starting from the selected one (built-in presets are changed this way).</source>
        <translation>Ein neues Profil auf Basis des ausgewählten (so werden eingebaute Vorlagen angepasst).</translation>
    </message>
    <message>
        <source>Using profile &quot;%1&quot;.</source>
        <translation>Profil „%1“ wird verwendet.</translation>
    </message>
    <message>
        <source>No profile in use; its endpoints are deleted.</source>
        <translation>Kein Profil in Verwendung; seine Endpunkte wurden gelöscht.</translation>
    </message>
    <message>
        <source>Cannot read the profile: %1</source>
        <translation>Das Profil kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved.</source>
        <translation>Profil „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>Das Profil „%1“ löschen?</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; deleted.</source>
        <translation>Profil „%1“ gelöscht.</translation>
    </message>
</context>
<context>
    <name>ScreenshotTour</name>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Active (3 paths)</source>
        <translation>Aktiv (3 Pfade)</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Doctor found a problem</source>
        <translation>Diagnose hat ein Problem gefunden</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The kernel&apos;s MPTCP settings for this computer (net.mptcp), and how this app behaves.</source>
        <translation>Die MPTCP-Einstellungen des Kernels für diesen Computer (net.mptcp) und das Verhalten dieser Anwendung.</translation>
    </message>
    <message>
        <source>Kernel (net.mptcp)</source>
        <translation>Kernel-Einstellungen (net.mptcp)</translation>
    </message>
    <message>
        <source>A userspace daemon decides</source>
        <translation>Ein Userspace-Daemon entscheidet</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Eingeschaltet</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>net.mptcp.%1 not changed: %2</source>
        <translation>net.mptcp.%1 nicht geändert: %2</translation>
    </message>
    <message>
        <source>net.mptcp.%1 changed.</source>
        <translation>net.mptcp.%1 geändert.</translation>
    </message>
    <message>
        <source>This app</source>
        <translation>Diese Anwendung</translation>
    </message>
    <message>
        <source>Tell me with a notification when:</source>
        <translation>Mich benachrichtigen, wenn:</translation>
    </message>
    <message>
        <source>a connection starts using another path</source>
        <translation>eine Verbindung beginnt, einen weiteren Pfad zu nutzen</translation>
    </message>
    <message>
        <source>a path closes or fails (with the reason)</source>
        <translation>ein Pfad geschlossen wird oder ausfällt (mit Grund)</translation>
    </message>
    <message>
        <source>a backup path takes over or steps back</source>
        <translation>ein Reservepfad übernimmt oder wieder zurücktritt</translation>
    </message>
    <message>
        <source>Pause all notifications for now</source>
        <translation>Alle Benachrichtigungen vorerst pausieren</translation>
    </message>
    <message>
        <source>Pause notifications</source>
        <translation>Benachrichtigungen pausieren</translation>
    </message>
    <message>
        <source>Start in the system tray, without opening this window</source>
        <translation>In der Systemleiste starten, ohne dieses Fenster zu öffnen</translation>
    </message>
    <message>
        <source>Start minimized to the tray</source>
        <translation>Minimiert in der Systemleiste starten</translation>
    </message>
    <message>
        <source>Start when I log in</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>Could not change the autostart entry: %1</source>
        <translation>Der Autostart-Eintrag konnte nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Status</source>
        <translation>Statusmeldung</translation>
    </message>
    <message>
        <source>Turn MPTCP on</source>
        <translation>MPTCP einschalten</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>StatusBannerText</name>
    <message>
        <source>Connecting</source>
        <translation>Verbindung wird hergestellt</translation>
    </message>
    <message>
        <source>Asking the MPTCP Manager helper for the current settings…</source>
        <translation>Der Hilfsdienst von MPTCP Manager wird nach den aktuellen Einstellungen gefragt…</translation>
    </message>
    <message>
        <source>Helper not available</source>
        <translation>Hilfsdienst nicht verfügbar</translation>
    </message>
    <message>
        <source>Nothing can be shown or changed until it is. This window retries by itself.</source>
        <translation>Bis er verfügbar ist, kann nichts angezeigt oder geändert werden. Dieses Fenster versucht es selbstständig erneut.</translation>
    </message>
    <message>
        <source>Helper restarting</source>
        <translation>Hilfsdienst startet neu</translation>
    </message>
    <message>
        <source>The helper stopped and is being started again. The window catches up by itself; nothing you set is lost.</source>
        <translation>Der Hilfsdienst wurde beendet und wird neu gestartet. Das Fenster holt von selbst auf; keine Ihrer Einstellungen geht verloren.</translation>
    </message>
    <message>
        <source>No MPTCP in this kernel</source>
        <translation>Kein MPTCP in diesem Kernel</translation>
    </message>
    <message>
        <source>This Linux kernel was built without Multipath TCP, or the helper cannot reach it. Nothing can be set up here.</source>
        <translation>Dieser Linux-Kernel wurde ohne Multipath TCP gebaut, oder der Hilfsdienst kann es nicht erreichen. Hier lässt sich nichts einrichten.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>You are not allowed to change MPTCP settings on this computer, so this window only shows them. The system said: %1</source>
        <translation>Sie dürfen die MPTCP-Einstellungen auf diesem Computer nicht ändern, daher zeigt dieses Fenster sie nur an. Das System meldete: %1</translation>
    </message>
    <message>
        <source>MPTCP is off</source>
        <translation>MPTCP ist ausgeschaltet</translation>
    </message>
    <message>
        <source>Multipath TCP is turned off in the kernel, so every connection uses a single path. Endpoints and limits can be changed once it is on.</source>
        <translation>Multipath TCP ist im Kernel ausgeschaltet, daher nutzt jede Verbindung einen einzigen Pfad. Endpunkte und Grenzwerte lassen sich ändern, sobald es eingeschaltet ist.</translation>
    </message>
    <message>
        <source>The kernel reported an error</source>
        <translation>Der Kernel hat einen Fehler gemeldet</translation>
    </message>
</context>
<context>
    <name>SysctlCatalog</name>
    <message>
        <source>MPTCP on</source>
        <translation>MPTCP eingeschaltet</translation>
    </message>
    <message>
        <source>Whether programs may use Multipath TCP at all. When off, every connection is plain TCP and nothing on the other pages has an effect.</source>
        <translation>Ob Programme Multipath TCP überhaupt verwenden dürfen. Wenn ausgeschaltet, ist jede Verbindung normales TCP, und nichts auf den anderen Seiten hat eine Wirkung.</translation>
    </message>
    <message>
        <source>Path manager</source>
        <translation>Pfadverwaltung</translation>
    </message>
    <message>
        <source>Who decides which extra paths to open: “kernel” uses the endpoints and limits of this program; “userspace” leaves it to a daemon such as mptcpd, and then the endpoints here are ignored.</source>
        <translation>Wer entscheidet, welche zusätzlichen Pfade geöffnet werden: „kernel“ verwendet die Endpunkte und Grenzwerte dieses Programms; „userspace“ überlässt es einem Daemon wie mptcpd, und die Endpunkte hier werden dann ignoriert.</translation>
    </message>
    <message>
        <source>Path manager (older setting)</source>
        <translation>Pfadverwaltung (ältere Einstellung)</translation>
    </message>
    <message>
        <source>The numeric form of the path manager setting on older kernels: 0 is the kernel&apos;s, 1 a userspace daemon.</source>
        <translation>Die numerische Form der Pfadverwaltungs-Einstellung bei älteren Kerneln: 0 steht für die des Kernels, 1 für einen Userspace-Daemon.</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>Pfad-Scheduler</translation>
    </message>
    <message>
        <source>How new connections choose the path for each piece of data. Changes apply to connections opened afterwards.</source>
        <translation>Wie neue Verbindungen für jedes Datenstück den Pfad wählen. Änderungen gelten für danach geöffnete Verbindungen.</translation>
    </message>
    <message>
        <source>Checksums</source>
        <translation>Prüfsummen</translation>
    </message>
    <message>
        <source>Protects data with checksums so that network devices which rewrite traffic are detected; costs some processor time. Usually off.</source>
        <translation>Schützt Daten mit Prüfsummen, sodass Netzwerkgeräte erkannt werden, die den Datenverkehr umschreiben; kostet etwas Rechenzeit. Normalerweise aus.</translation>
    </message>
    <message>
        <source>Extra paths to the first address</source>
        <translation>Zusätzliche Pfade zur ersten Adresse</translation>
    </message>
    <message>
        <source>Whether the other side may open extra paths to the address and port its connection first reached. Turn off behind a load balancer that cannot route them.</source>
        <translation>Ob die Gegenseite zusätzliche Pfade zu der Adresse und dem Port öffnen darf, die ihre Verbindung zuerst erreicht hat. Hinter einem Lastverteiler, der diese Pfade nicht weiterleiten kann, ausschalten.</translation>
    </message>
    <message>
        <source>Announcement retry</source>
        <translation>Wiederholung von Ankündigungen</translation>
    </message>
    <message>
        <source>How long to wait for the other side to confirm an address announcement before sending it again.</source>
        <translation>Wie lange auf die Bestätigung einer Adressankündigung durch die Gegenseite gewartet wird, bevor sie erneut gesendet wird.</translation>
    </message>
    <message>
        <source>Grace time without paths</source>
        <translation>Schonfrist ohne Pfade</translation>
    </message>
    <message>
        <source>How long a connection that lost its last path stays open, waiting for a new one (for example while Wi-Fi reconnects), before it is closed.</source>
        <translation>Wie lange eine Verbindung, die ihren letzten Pfad verloren hat, offen bleibt und auf einen neuen wartet (zum Beispiel während sich das WLAN neu verbindet), bevor sie geschlossen wird.</translation>
    </message>
    <message>
        <source>Stale path after</source>
        <translation>Pfad gilt als blockiert nach</translation>
    </message>
    <message>
        <source>After how many retransmission timeouts without progress a path counts as stale, so the scheduler stops sending on it.</source>
        <translation>Nach wie vielen Zeitüberschreitungen bei der Neuübertragung ohne Fortschritt ein Pfad als blockiert gilt, sodass der Scheduler nicht mehr darüber sendet.</translation>
    </message>
    <message>
        <source>Pause after a firewall blocks MPTCP</source>
        <translation>Pause, nachdem eine Firewall MPTCP blockiert</translation>
    </message>
    <message>
        <source>How long MPTCP stays off after a firewall was found dropping it; longer each time it happens again. 0 turns this detection off.</source>
        <translation>Wie lange MPTCP ausgeschaltet bleibt, nachdem eine Firewall erkannt wurde, die es verwirft; bei jeder Wiederholung länger. 0 schaltet diese Erkennung aus.</translation>
    </message>
    <message>
        <source>Attempts before plain TCP</source>
        <translation>Versuche vor normalem TCP</translation>
    </message>
    <message>
        <source>How many connection attempts carry MPTCP options before the kernel tries plain TCP, in case something on the way drops them.</source>
        <translation>Wie viele Verbindungsversuche MPTCP-Optionen enthalten, bevor der Kernel es mit normalem TCP versucht, falls etwas unterwegs sie verwirft.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Sends on the path with the lowest delay that has room, and keeps backup paths for when the others fail.</source>
        <translation>Sendet auf dem Pfad mit der geringsten Verzögerung, der noch Kapazität frei hat, und hält Reservepfade für den Fall bereit, dass die anderen ausfallen.</translation>
    </message>
    <message>
        <source>A scheduler loaded as a BPF program; see its own documentation.</source>
        <translation>Ein als BPF-Programm geladener Scheduler; siehe dessen eigene Dokumentation.</translation>
    </message>
    <message>
        <source>Sends every piece of data on all paths at once: lowest delay and loss, at the cost of bandwidth.</source>
        <translation>Sendet jedes Datenstück gleichzeitig auf allen Pfaden: geringste Verzögerung und geringster Verlust, auf Kosten der Bandbreite.</translation>
    </message>
    <message>
        <source>The kernel opens paths and announces addresses from the endpoints configured in this program.</source>
        <translation>Der Kernel öffnet Pfade und kündigt Adressen anhand der in diesem Programm eingerichteten Endpunkte an.</translation>
    </message>
    <message>
        <source>A daemon such as mptcpd decides; the endpoints here are not used.</source>
        <translation>Ein Daemon wie mptcpd entscheidet; die Endpunkte hier werden nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>ThroughputChart</name>
    <message>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
    <message>
        <source>kB/s</source>
        <translation>kB/s</translation>
    </message>
    <message>
        <source>bytes/s</source>
        <translation>Byte/s</translation>
    </message>
    <message>
        <source>Throughput per path</source>
        <translation>Durchsatz pro Pfad</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>Sekunden zuvor</translation>
    </message>
    <message>
        <source>Throughput chart</source>
        <translation>Durchsatzdiagramm</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Throughput per path: pick a connection above</source>
        <translation>Durchsatz pro Pfad: Wählen Sie oben eine Verbindung</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>&amp;Open MPTCP Manager</source>
        <translation>MPTCP Manager &amp;öffnen</translation>
    </message>
    <message>
        <source>P&amp;rofile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation>Benachrichtigungen p&amp;ausieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Doctor: 1 problem</source>
        <translation>&amp;Diagnose: 1 Problem</translation>
    </message>
    <message>
        <source>&amp;Doctor: %1 problems</source>
        <translation>&amp;Diagnose: %1 Probleme</translation>
    </message>
    <message>
        <source>&amp;None (endpoints as they are)</source>
        <translation>&amp;Keines (Endpunkte bleiben, wie sie sind)</translation>
    </message>
</context>
<context>
    <name>TrayStateText</name>
    <message>
        <source>A path from %1 failed: %2</source>
        <translation>Ein Pfad von %1 ist ausgefallen: %2</translation>
    </message>
    <message>
        <source>A path from %1 failed.</source>
        <translation>Ein Pfad von %1 ist ausgefallen.</translation>
    </message>
    <message>
        <source>The helper is not available.</source>
        <translation>Der Hilfsdienst ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>This kernel has no MPTCP.</source>
        <translation>Dieser Kernel hat kein MPTCP.</translation>
    </message>
    <message>
        <source>MPTCP is turned off.</source>
        <translation>MPTCP ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>A connection runs on its backup path only.</source>
        <translation>Eine Verbindung läuft nur noch über ihren Reservepfad.</translation>
    </message>
    <message>
        <source>MPTCP Manager</source>
        <translation>MPTCP Manager</translation>
    </message>
    <message>
        <source>Off: %1</source>
        <translation>Aus: %1</translation>
    </message>
    <message>
        <source>On, no MPTCP connections</source>
        <translation>Eingeschaltet, keine MPTCP-Verbindungen</translation>
    </message>
    <message>
        <source>Connections: %1, paths: %2</source>
        <translation>Verbindungen: %1, Pfade: %2</translation>
    </message>
    <message>
        <source>Degraded: %1</source>
        <translation>Beeinträchtigt: %1</translation>
    </message>
    <message>
        <source>Doctor: %1</source>
        <translation>Diagnose: %1</translation>
    </message>
    <message>
        <source>Doctor: %1 problems, first: %2</source>
        <translation>Diagnose: %1 Probleme, erstes: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Multipath TCP paths, limits and live connections.</source>
        <translation>Multipath-TCP-Pfade, Grenzwerte und aktive Verbindungen.</translation>
    </message>
    <message>
        <source>Start in the system tray.</source>
        <translation>In der Systemleiste starten.</translation>
    </message>
</context>
</TS>
