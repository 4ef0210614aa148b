<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ReviewFilter</name>
    <message>
        <location filename="../ui/review/reviewfilter.cpp" line="+12"/>
        <source>All images</source>
        <translation>Alle Bilder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>False positives</source>
        <translation>Falsch-Positive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False negatives</source>
        <translation>Übersehene Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uncertain</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotated</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unreviewed</source>
        <translation>Ungeprüft</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/workbench_main.cpp" line="+40"/>
        <source>Inspection workbench for unsupervised two-stage visual anomaly detection.</source>
        <translation>Prüfarbeitsplatz für die unüberwachte zweistufige visuelle Anomalieerkennung.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Open the dataset folder DIR (MVTec layout or plain images).</source>
        <translation>Den Datensatzordner DIR öffnen (MVTec-Struktur oder einfacher Bildordner).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load the model FILE and score the dataset with it.</source>
        <translation>Das Modell FILE laden und den Datensatz damit bewerten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the project FILE (.utadproj).</source>
        <translation>Die Projektdatei FILE öffnen (.utadproj).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once the window has settled, save a picture of it to FILE and quit (for documentation).</source>
        <translation>Sobald das Fenster fertig aufgebaut ist, ein Bild davon in FILE speichern und beenden (für die Dokumentation).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start with the panels in MODE: stages (default), overlay or residuals.</source>
        <translation>Mit den Ansichten im Modus MODE starten: stages (Standard), overlay oder residuals.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A dataset folder, image folder, project (.utadproj) or model (.utad) to open.</source>
        <translation>Ein zu öffnender Datensatz- oder Bildordner, ein Projekt (.utadproj) oder ein Modell (.utad).</translation>
    </message>
</context>
<context>
    <name>utad::ui</name>
    <message>
        <location filename="../ui/panelrender.cpp" line="+32"/>
        <source>Input</source>
        <translation>Eingangsbild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impression (IE-Net)</source>
        <translation>Impression (IE-Net)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expert reconstruction</source>
        <translation>Experten-Rekonstruktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anomaly map</source>
        <translation>Anomaliekarte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Naive impression</source>
        <translation>Naive Impression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residual: input vs impression</source>
        <translation>Residuum: Eingangsbild – Impression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residual: input vs reconstruction</source>
        <translation>Residuum: Eingangsbild – Rekonstruktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residual: impression vs naive</source>
        <translation>Residuum: Impression – naive Impression</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Defect probability (segmenter, 0 to 1)</source>
        <translation>Fehlerwahrscheinlichkeit (Segmentierer, 0 bis 1)</translation>
    </message>
</context>
<context>
    <name>utad::ui::AnnotationPanel</name>
    <message>
        <location filename="../ui/review/annotationpanel.cpp" line="+33"/>
        <source>False positive</source>
        <translation>Falsch-Positiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flagged, but the part is good</source>
        <translation>Beanstandet, aber das Teil ist gut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed defect</source>
        <translation>Bestätigter Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flagged, and the part is defective</source>
        <translation>Beanstandet, und das Teil ist fehlerhaft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed defect</source>
        <translation>Schlupf (übersehener Fehler)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passed, but the part is defective; draw the defect with B</source>
        <translation>Freigegeben, aber das Teil ist fehlerhaft; Fehler mit B einzeichnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear mark</source>
        <translation>Markierung entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the mark of this image</source>
        <translation>Die Markierung dieses Bildes entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+160"/>
        <source>Reviewed, decision OK</source>
        <translation>Geprüft, Entscheidung korrekt</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>The model&apos;s decision is right; no mark needed</source>
        <translation>Die Entscheidung des Modells ist richtig; keine Markierung nötig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw defect…</source>
        <translation>Fehler einzeichnen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outline the defect with a brush or polygon</source>
        <translation>Den Fehler mit Pinsel oder Polygon umreißen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next unreviewed</source>
        <translation>Nächstes ungeprüftes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to the next unreviewed image in the list</source>
        <translation>Zum nächsten ungeprüften Bild der Liste springen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Note (Enter saves it)</source>
        <translation>Notiz (Eingabetaste speichert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A note on this image, saved with Enter</source>
        <translation>Eine Notiz zu diesem Bild, mit der Eingabetaste gespeichert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show only these images in the image list</source>
        <translation>Nur diese Bilder in der Bildliste anzeigen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Reviewed %1 of %2 images</source>
        <translation>%1 von %2 Bildern geprüft</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No image selected</source>
        <translation>Kein Bild ausgewählt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Score %1 · model says %2 · truth: %3</source>
        <translation>Anomaliewert %1 · Modell: %2 · tatsächlich: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not scored</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unreviewed</source>
        <translation>Ungeprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>defect drawn</source>
        <translation>Fehler eingezeichnet</translation>
    </message>
</context>
<context>
    <name>utad::ui::AnnotationStore</name>
    <message>
        <location filename="../ui/review/annotationstore.cpp" line="+79"/>
        <source>Mark %1 as %2</source>
        <translation>Markierung von %1: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Note on %1</source>
        <translation>Notiz zu %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Remove mask of %1</source>
        <translation>Maske von %1 entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw mask on %1</source>
        <translation>Maske auf %1 einzeichnen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Mark %1 reviewed</source>
        <translation>%1 als geprüft markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark %1 unreviewed</source>
        <translation>%1 als ungeprüft markieren</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Cannot write the mask %1: %2</source>
        <translation>Die Maske %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>False positive</source>
        <translation>Falsch-Positiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed defect</source>
        <translation>Bestätigter Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed defect</source>
        <translation>Schlupf (übersehener Fehler)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/review/reviewfilter.cpp" line="+61"/>
        <source>now flagged</source>
        <translation>jetzt beanstandet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>now passed</source>
        <translation>jetzt freigegeben</translation>
    </message>
</context>
<context>
    <name>utad::ui::CopyFolderTask</name>
    <message>
        <location filename="../ui/jobs.cpp" line="+57"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot copy %1 to %2: %3</source>
        <translation>%1 kann nicht nach %2 kopiert werden: %3</translation>
    </message>
</context>
<context>
    <name>utad::ui::Duration</name>
    <message>
        <location filename="../ui/format.cpp" line="+48"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>utad::ui::ImageListModel</name>
    <message>
        <location filename="../ui/imagelistmodel.cpp" line="+30"/>
        <location line="+10"/>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>defective</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>uncertain</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+316"/>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <location line="-284"/>
        <source>OK</source>
        <translation>Korrekt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (drawn)</source>
        <translation> (eingezeichnet)</translation>
    </message>
    <message>
        <location line="+315"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defect</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Truth</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted</source>
        <translation>Vorhersage</translation>
    </message>
</context>
<context>
    <name>utad::ui::InferenceTask</name>
    <message>
        <location filename="../ui/inferencetask.cpp" line="+10"/>
        <source>Scoring</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scoring %1 of %2</source>
        <translation>Bewertung %1 von %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scoring %1 images</source>
        <translation>%1 Bilder werden bewertet</translation>
    </message>
</context>
<context>
    <name>utad::ui::InspectorWidget</name>
    <message>
        <location filename="../ui/inspectorwidget.cpp" line="+38"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+364"/>
        <source>Residuals</source>
        <translation>Residuen</translation>
    </message>
    <message>
        <location line="-361"/>
        <source>Show the naive impression and the residual maps (R)</source>
        <translation>Naive Impression und Residuenkarten anzeigen (R)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom in (+, wheel)</source>
        <translation>Vergrößern (+, Mausrad)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom out (-, wheel)</source>
        <translation>Verkleinern (-, Mausrad)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location line="+309"/>
        <source>Anomaly map</source>
        <translation>Anomaliekarte</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, score %2</source>
        <translation>%1, Anomaliewert %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Anomaly-map colour scale, the same for every image of this model</source>
        <translation>Farbskala der Anomaliekarte, für alle Bilder dieses Modells gleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anomaly-map colour scale: this image&apos;s range</source>
        <translation>Farbskala der Anomaliekarte: Wertebereich dieses Bildes</translation>
    </message>
    <message>
        <location line="-377"/>
        <source>Overlay</source>
        <translation>Überlagerung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blend the anomaly map over the input (O)</source>
        <translation>Anomaliekarte über das Eingangsbild legen (O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Overlay opacity</source>
        <translation>Deckkraft der Überlagerung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Colour map</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ground truth</source>
        <translation>Ground Truth</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outline the ground-truth defect mask in green (G)</source>
        <translation>Kontur der Ground-Truth-Fehlermaske grün zeichnen (G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outline the predicted defect regions in magenta (P)</source>
        <translation>Kontur der vorhergesagten Fehlerbereiche magenta zeichnen (P)</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cannot show %1</source>
        <translation>%1 kann nicht angezeigt werden</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>%1 (colour scale: this image&apos;s range)</source>
        <translation>%1 (Farbskala: Wertebereich dieses Bildes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour scale of the three residual maps</source>
        <translation>Farbskala der drei Residuenkarten</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>x %1, y %2</source>
        <translation>x %1, y %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  value %1</source>
        <translation>  Wert %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  RGB %1, %2, %3</source>
        <translation>  RGB %1, %2, %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>  anomaly %1</source>
        <translation>  Anomalie %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  %1 %2</source>
        <translation>  %1 %2</translation>
    </message>
</context>
<context>
    <name>utad::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+179"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;dataset folder...</source>
        <translation>&amp;Datensatzordner öffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open project...</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recent projects</source>
        <translation>&amp;Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save project &amp;as...</source>
        <translation>Projekt speichern &amp;unter …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Load model...</source>
        <translation>Modell &amp;laden …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export panels as PNG...</source>
        <translation>Ansichten als PNG &amp;exportieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences...</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train...</source>
        <translation>&amp;Trainieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Run inference</source>
        <translation>&amp;Inferenz ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model &amp;information...</source>
        <translation>Modell&amp;informationen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Review</source>
        <translation>&amp;Prüfung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Colour map</source>
        <translation>&amp;Farbskala</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About UTAD Workbench</source>
        <translation>Ü&amp;ber UTAD Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Filter by name</source>
        <translation>Nach Namen filtern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Defect type</source>
        <translation>Fehlerart</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>True label</source>
        <translation>Tatsächliche Klasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any truth</source>
        <translation>Alle tatsächlichen Klassen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Truly good</source>
        <translation>Tatsächlich gut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Truly defective</source>
        <translation>Tatsächlich fehlerhaft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlabelled</source>
        <translation>Ohne Label</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any prediction</source>
        <translation>Alle Vorhersagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted good</source>
        <translation>Als gut vorhergesagt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted defective</source>
        <translation>Als fehlerhaft vorhergesagt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uncertain</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not scored</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thresholds</source>
        <translation>Schwellwerte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+94"/>
        <location line="+4"/>
        <source>Cannot open the dataset</source>
        <translation>Der Datensatz kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 contains no images.</source>
        <translation>%1 enthält keine Bilder.</translation>
    </message>
    <message>
        <location line="+229"/>
        <source>Training %1 (preset %2, %3 steps) on %4 images</source>
        <translation>Training %1 (Voreinstellung %2, %3 Schritte) mit %4 Bildern</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>, defect segmenter %1</source>
        <translation>, Fehler-Segmentierer %1</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Image AUROC by defect type: %1.</source>
        <translation>Bild-AUROC nach Fehlerart: %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Close UTAD Workbench</source>
        <translation>UTAD Workbench schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A training run is going on. Closing the window stops it and throws away what it has trained so far.</source>
        <translation>Es läuft ein Training. Wenn Sie das Fenster schließen, wird es abgebrochen und das bisher Trainierte verworfen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trained model has not been saved. Closing the window throws it away.</source>
        <translation>Das trainierte Modell wurde nicht gespeichert. Wenn Sie das Fenster schließen, wird es verworfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close and discard</source>
        <translation>Schließen und verwerfen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Waiting for %1 to stop...</source>
        <translation>Wird angehalten: %1 …</translation>
    </message>
    <message>
        <location line="-515"/>
        <source>Opened %1: %2 training and %3 test images</source>
        <translation>%1 geöffnet: %2 Trainings- und %3 Testbilder</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Any defect type</source>
        <translation>Alle Fehlerarten</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot open the project</source>
        <translation>Das Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened project %1</source>
        <translation>Projekt %1 geöffnet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot open the project&apos;s dataset</source>
        <translation>Der Datensatz des Projekts kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The project&apos;s model %1 is missing; cached results are shown, new images cannot be scored.</source>
        <translation>Das Modell %1 des Projekts fehlt; zwischengespeicherte Ergebnisse werden angezeigt, neue Bilder können nicht bewertet werden.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+185"/>
        <source>Cannot save the project</source>
        <translation>Das Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="-613"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+437"/>
        <source>There is no model file at %1.</source>
        <translation>Unter %1 gibt es keine Modelldatei.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot load the model</source>
        <translation>Das Modell kann nicht geladen werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading %1 was stopped.</source>
        <translation>Das Laden von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Model %1: %2, preset %3, %4x%4 tiles, trained on %5 images</source>
        <translation>Modell %1: %2, Voreinstellung %3, Kacheln %4x%4, trainiert mit %5 Bildern</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Training cancelled after %1 steps</source>
        <translation>Training nach %1 Schritten abgebrochen</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;File&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Method&lt;/td&gt;&lt;td&gt;%2, preset %3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Network input&lt;/td&gt;&lt;td&gt;%4 x %4 tiles, %5 channel(s), %21&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Widths&lt;/td&gt;&lt;td&gt;IE-Net %6, latent %7, Expert-Net %8, detail code %9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Trained on&lt;/td&gt;&lt;td&gt;%10 images of %11 (%12 x %13), %14 steps in %15&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Anomaly map&lt;/td&gt;&lt;td&gt;%22&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Calibration&lt;/td&gt;&lt;td&gt;good-image scores %16 &amp;plusmn; %17 (%18 images), pixel hint %19&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Device&lt;/td&gt;&lt;td&gt;%20&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Datei&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Verfahren&lt;/td&gt;&lt;td&gt;%2, Voreinstellung %3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Netzeingang&lt;/td&gt;&lt;td&gt;Kacheln %4 x %4, Kanäle: %5, %21&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Breiten&lt;/td&gt;&lt;td&gt;IE-Net %6, latent %7, Expert-Net %8, Detailcode %9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Trainiert mit&lt;/td&gt;&lt;td&gt;%10 Bildern aus %11 (%12 x %13), %14 Schritte in %15&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Anomaliekarte&lt;/td&gt;&lt;td&gt;%22&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Kalibrierung&lt;/td&gt;&lt;td&gt;Anomaliewerte der Gutbilder %16 &amp;plusmn; %17 (%18 Bilder), Pixel-Schwellwertvorschlag %19&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Gerät&lt;/td&gt;&lt;td&gt;%20&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>whole images</source>
        <translation>ganze Bilder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>working scale %1</source>
        <translation>Arbeitsmaßstab %1</translation>
    </message>
    <message>
        <location line="-230"/>
        <location line="+209"/>
        <source>(not saved)</source>
        <translation>(nicht gespeichert)</translation>
    </message>
    <message numerus="yes">
        <location line="-321"/>
        <source>… and %n more dataset warning(s), listed on the standard error output</source>
        <translation>
            <numerusform>… und %n weitere Datensatz-Warnung, aufgeführt in der Standardfehlerausgabe</numerusform>
            <numerusform>… und %n weitere Datensatz-Warnungen, aufgeführt in der Standardfehlerausgabe</numerusform>
        </translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Run inference</source>
        <translation>Inferenz ausführen</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+46"/>
        <source>Open a dataset folder first.</source>
        <translation>Öffnen Sie zuerst einen Datensatzordner.</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+176"/>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Inference failed</source>
        <translation>Inferenz fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scored %1 images (%2 ms per image)</source>
        <translation>%1 Bilder bewertet (%2 ms pro Bild)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inference cancelled after %1 images</source>
        <translation>Inferenz nach %1 Bildern abgebrochen</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+4"/>
        <location line="+6"/>
        <location line="+107"/>
        <location line="+9"/>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>%1 has no training images: a model learns from anomaly-free images in train/good.</source>
        <translation>%1 enthält keine Trainingsbilder: Ein Modell lernt aus anomaliefreien Bildern in train/good.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A training run is already going on.</source>
        <translation>Es läuft bereits ein Training.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training finished</source>
        <translation>Training abgeschlossen</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+5"/>
        <location line="+58"/>
        <source>Export panels</source>
        <translation>Ansichten exportieren</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>There is no image to export.</source>
        <translation>Es gibt kein Bild zum Exportieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported the panels of %1 to %2</source>
        <translation>Ansichten von %1 nach %2 exportiert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open dataset folder</source>
        <translation>Datensatzordner öffnen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save project as</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Load model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UTAD models (*.utad);;All files (*)</source>
        <translation>UTAD-Modelle (*.utad);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a dataset folder first: the model learns from its train/good images.</source>
        <translation>Öffnen Sie zuerst einen Datensatzordner: Das Modell lernt aus dessen Bildern in train/good.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+39"/>
        <source>Model information</source>
        <translation>Modellinformationen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>About UTAD Workbench</source>
        <translation>Über UTAD Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;UTAD Workbench %1&lt;/h3&gt;&lt;p&gt;Inspection workbench for unsupervised visual anomaly detection, after Liu, Zhuang and Lu, &lt;i&gt;Unsupervised Two-Stage Anomaly Detection&lt;/i&gt; (arXiv 2103.11671).&lt;/p&gt;&lt;p&gt;Qt %2, running on %3 with %4 threads.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;UTAD Workbench %1&lt;/h3&gt;&lt;p&gt;Prüfarbeitsplatz für die unüberwachte visuelle Anomalieerkennung nach Liu, Zhuang und Lu, &lt;i&gt;Unsupervised Two-Stage Anomaly Detection&lt;/i&gt; (arXiv 2103.11671).&lt;/p&gt;&lt;p&gt;Qt %2, läuft auf %3 mit %4 Threads.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Use Model &gt; Train... to train one.</source>
        <translation>Trainieren Sie eines über Modell &gt; Trainieren …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a model on %1 now?</source>
        <translation>Jetzt ein Modell mit %1 trainieren?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train...</source>
        <translation>Trainieren …</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no dataset</source>
        <translation>kein Datensatz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 - UTAD Workbench</source>
        <translation>%1 – UTAD Workbench</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Device: %1  |  %n thread(s)</source>
        <translation>
            <numerusform>Gerät: %1  |  %n Thread</numerusform>
            <numerusform>Gerät: %1  |  %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not scored yet: Model &gt; Run inference.</source>
        <translation>Noch nicht bewertet: Modell &gt; Inferenz ausführen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No model loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 images scored (%2 skipped). Image AUROC %3, pixel AUROC %4, AUPRO %5, F1-max %6 at %7; %8 ms per image.</source>
        <translation>%1 Bilder bewertet (%2 übersprungen). Bild-AUROC %3, Pixel-AUROC %4, AUPRO %5, F1-max %6 bei %7; %8 ms pro Bild.</translation>
    </message>
</context>
<context>
    <name>utad::ui::MaskEditorDialog</name>
    <message>
        <location filename="../ui/review/maskeditor.cpp" line="+205"/>
        <source>Draw the defect — %1</source>
        <translation>Fehler einzeichnen – %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Brush</source>
        <translation>&amp;Pinsel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Polygon</source>
        <translation>P&amp;olygon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Erase</source>
        <translation>&amp;Radieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>radius </source>
        <translation>Radius </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Brush: paint with the left button, erase with the right. Polygon: click the corners, double-click or Enter to fill.</source>
        <translation>Pinsel: mit der linken Maustaste malen, mit der rechten radieren. Polygon: Eckpunkte anklicken, zum Füllen doppelklicken oder die Eingabetaste drücken.</translation>
    </message>
</context>
<context>
    <name>utad::ui::ModelLoadTask</name>
    <message>
        <location filename="../ui/jobs.cpp" line="-50"/>
        <source>Loading the model %1</source>
        <translation>Laden des Modells %1</translation>
    </message>
</context>
<context>
    <name>utad::ui::ModelSaveTask</name>
    <message>
        <location line="+12"/>
        <source>Saving the model %1</source>
        <translation>Speichern des Modells %1</translation>
    </message>
</context>
<context>
    <name>utad::ui::OpenPaths</name>
    <message>
        <location filename="../ui/openpaths.cpp" line="+20"/>
        <source>Cannot open %1: there is no such file or folder.</source>
        <translation>%1 kann nicht geöffnet werden: Datei oder Ordner existiert nicht.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open %1: it is not a dataset folder, an image folder, a project (.utadproj) or a model (.utad).</source>
        <translation>%1 kann nicht geöffnet werden: Es ist weder ein Datensatz- oder Bildordner noch ein Projekt (.utadproj) oder Modell (.utad).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
</context>
<context>
    <name>utad::ui::PanelCache</name>
    <message>
        <location filename="../ui/panelcache.cpp" line="+49"/>
        <location line="+14"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>utad::ui::PanelTask</name>
    <message>
        <location filename="../ui/jobs.cpp" line="+79"/>
        <source>Panels</source>
        <translation>Ansichten</translation>
    </message>
</context>
<context>
    <name>utad::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/preferences.cpp" line="+43"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All cores (%1)</source>
        <translation>Alle Kerne (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compute threads:</source>
        <translation>Rechen-Threads:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour map:</source>
        <translation>Farbskala:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cpu (minutes on a laptop)</source>
        <translation>cpu (Minuten auf einem Laptop)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paper (release size, needs a GPU)</source>
        <translation>paper (Originalgröße, benötigt eine GPU)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default training preset:</source>
        <translation>Standard-Trainingsvoreinstellung:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language takes effect at the next start.</source>
        <translation>Die Sprache wird beim nächsten Start wirksam.</translation>
    </message>
</context>
<context>
    <name>utad::ui::Project</name>
    <message>
        <location filename="../ui/project.cpp" line="+87"/>
        <source>Change the thresholds</source>
        <translation>Schwellwerte ändern</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Restored the review marks and results saved earlier for %1</source>
        <translation>Zuvor gespeicherte Prüfmarkierungen und Ergebnisse für %1 wiederhergestellt</translation>
    </message>
    <message>
        <location line="+304"/>
        <location line="+6"/>
        <source>Cannot write the project %1: %2</source>
        <translation>Das Projekt %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Saving the project %1</source>
        <translation>Speichern des Projekts %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving %1 was cancelled; nothing was written.</source>
        <translation>Das Speichern von %1 wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Cannot save the project %1:
%2</source>
        <translation>Das Projekt %1 kann nicht gespeichert werden:
%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The project has no file yet: use Save project as.</source>
        <translation>Das Projekt hat noch keine Datei: Verwenden Sie „Projekt speichern unter“.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot open the project %1: %2</source>
        <translation>Das Projekt %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a valid project file: %2</source>
        <translation>%1 ist keine gültige Projektdatei: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a UTAD Workbench project.</source>
        <translation>%1 ist kein UTAD-Workbench-Projekt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was written by a newer version of the workbench.</source>
        <translation>%1 wurde mit einer neueren Version der Workbench gespeichert.</translation>
    </message>
</context>
<context>
    <name>utad::ui::ReportTask</name>
    <message>
        <location filename="../ui/review/reporttask.cpp" line="+11"/>
        <source>Review report</source>
        <translation>Prüfbericht</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Writing the review report</source>
        <translation>Prüfbericht wird geschrieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report: image %1 of %2</source>
        <translation>Bericht: Bild %1 von %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report: writing the PDF</source>
        <translation>Bericht: PDF wird geschrieben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Report written</source>
        <translation>Bericht geschrieben</translation>
    </message>
</context>
<context>
    <name>utad::ui::RetrainComparisonDialog</name>
    <message>
        <location filename="../ui/review/retrain.cpp" line="+175"/>
        <source>Retrained model: before and after</source>
        <translation>Nachtrainiertes Modell: vorher und nachher</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n image(s) marked as false positives joined the training set. Metrics at the image threshold %1 (labels: ground truth, else the review marks).</source>
        <translation>
            <numerusform>%n als Falsch-Positiv markiertes Bild wurde in die Trainingsmenge aufgenommen. Kennzahlen beim Bild-Schwellwert %1 (Labels: Ground Truth, sonst die Prüfmarkierungen).</numerusform>
            <numerusform>%n als Falsch-Positive markierte Bilder wurden in die Trainingsmenge aufgenommen. Kennzahlen beim Bild-Schwellwert %1 (Labels: Ground Truth, sonst die Prüfmarkierungen).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Image AUROC</source>
        <translation>Bild-AUROC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>False-positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defective flagged (TP)</source>
        <translation>Fehlerhaft beanstandet (TP)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Good flagged (FP)</source>
        <translation>Gut beanstandet (FP)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Good passed (TN)</source>
        <translation>Gut freigegeben (TN)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Defective passed (FN)</source>
        <translation>Fehlerhaft freigegeben (FN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images flagged</source>
        <translation>Beanstandete Bilder</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+22"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message numerus="yes">
        <location line="-3"/>
        <source>%n image(s) changed decision:</source>
        <translation>
            <numerusform>Bei %n Bild hat sich die Entscheidung geändert:</numerusform>
            <numerusform>Bei %n Bildern hat sich die Entscheidung geändert:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Truth</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Use the new model…</source>
        <translation>Neues Modell verwenden …</translation>
    </message>
</context>
<context>
    <name>utad::ui::Retrainer</name>
    <message>
        <location line="-123"/>
        <source>Training: %1</source>
        <translation>Training: %1</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>Training with %n more good image(s)</source>
        <translation>
            <numerusform>Training mit %n zusätzlichen Gutbild</numerusform>
            <numerusform>Training mit %n zusätzlichen Gutbildern</numerusform>
        </translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Retraining</source>
        <translation>Nachtrainieren</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Retraining was cancelled.</source>
        <translation>Das Nachtrainieren wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Scoring the test images</source>
        <translation>Testbilder werden bewertet</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The project was closed while retraining.</source>
        <translation>Das Projekt wurde während des Nachtrainierens geschlossen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>utad::ui::ReviewReport</name>
    <message>
        <location filename="../ui/review/reviewreport.cpp" line="+40"/>
        <location line="+663"/>
        <location line="+196"/>
        <location line="+24"/>
        <location line="+18"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-780"/>
        <source>Not scored</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reviewed, decision OK</source>
        <translation>Geprüft, Entscheidung korrekt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unreviewed</source>
        <translation>Ungeprüft</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>colour scale 0 to %1</source>
        <translation>Farbskala 0 bis %1</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Image threshold</source>
        <translation>Bild-Schwellwert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uncertain below</source>
        <translation>Unsicher unterhalb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pixel threshold / min. region</source>
        <translation>Pixel-Schwellwert / min. Bereichsgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image AUROC</source>
        <translation>Bild-AUROC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Defective: flagged / passed</source>
        <translation>Fehlerhaft: beanstandet / freigegeben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Good: flagged / passed</source>
        <translation>Gut: beanstandet / freigegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>False-positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n image(s): %1 flagged, %2 uncertain, %3 passed, %4 not scored; %5 reviewed.</source>
        <translation>
            <numerusform>%n Bild: %1 beanstandet, %2 unsicher, %3 freigegeben, %4 nicht bewertet; %5 geprüft.</numerusform>
            <numerusform>%n Bilder: %1 beanstandet, %2 unsicher, %3 freigegeben, %4 nicht bewertet; %5 geprüft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%1: %2 of %n flagged, %3 uncertain, %4 passed</source>
        <translation>
            <numerusform>%1: %2 von %n beanstandet, %3 unsicher, %4 freigegeben</numerusform>
            <numerusform>%1: %2 von %n beanstandet, %3 unsicher, %4 freigegeben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+1"/>
        <location line="+115"/>
        <location line="+197"/>
        <source>Review report</source>
        <translation>Prüfbericht</translation>
    </message>
    <message>
        <location line="-310"/>
        <location line="+312"/>
        <source>Dataset: %1</source>
        <translation>Datensatz: %1</translation>
    </message>
    <message>
        <location line="-311"/>
        <location line="+312"/>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <location line="-312"/>
        <location line="+312"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location line="-311"/>
        <location line="+312"/>
        <source>Written: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <location line="-311"/>
        <location line="+316"/>
        <source>Operating point</source>
        <translation>Arbeitspunkt</translation>
    </message>
    <message>
        <location line="-308"/>
        <location line="+321"/>
        <source>Defective images by defect type:</source>
        <translation>Fehlerhafte Bilder nach Fehlerart:</translation>
    </message>
    <message>
        <location line="-314"/>
        <location line="+327"/>
        <source>Anomaly maps share one colour scale, 0 to %1 (from the model&apos;s calibration).</source>
        <translation>Alle Anomaliekarten haben eine gemeinsame Farbskala, 0 bis %1 (aus der Kalibrierung des Modells).</translation>
    </message>
    <message>
        <location line="-325"/>
        <location line="+333"/>
        <source>Each anomaly map is coloured over its own range.</source>
        <translation>Jede Anomaliekarte ist über ihren eigenen Wertebereich eingefärbt.</translation>
    </message>
    <message>
        <location line="-330"/>
        <location line="+317"/>
        <source>Outlines: magenta, the predicted defect regions; cyan, the defect drawn by the reviewer.</source>
        <translation>Konturen: magenta die vorhergesagten Fehlerbereiche, cyan der vom Prüfer eingezeichnete Fehler.</translation>
    </message>
    <message numerus="yes">
        <location line="-312"/>
        <location line="+333"/>
        <source>All %n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>Alle %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <location line="-333"/>
        <location line="+107"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+107"/>
        <source>Truth</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+106"/>
        <source>Defect type</source>
        <translation>Fehlerart</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+106"/>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+107"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+107"/>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message numerus="yes">
        <location line="-85"/>
        <location line="+311"/>
        <source>%n image(s) flagged or annotated</source>
        <translation>
            <numerusform>%n Bild beanstandet oder annotiert</numerusform>
            <numerusform>%n Bilder beanstandet oder annotiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="-300"/>
        <location line="+338"/>
        <source>Score %1</source>
        <translation>Anomaliewert %1</translation>
    </message>
    <message>
        <location line="-336"/>
        <location line="+346"/>
        <source>Truth: %1</source>
        <translation>Tatsächlich: %1</translation>
    </message>
    <message>
        <location line="-345"/>
        <location line="+351"/>
        <source>Review: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <location line="-349"/>
        <location line="+351"/>
        <source>defect drawn</source>
        <translation>Fehler eingezeichnet</translation>
    </message>
    <message>
        <location line="-326"/>
        <location line="+271"/>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>the PDF could not be started</source>
        <translation>das PDF konnte nicht begonnen werden</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Review report, %1, %2</source>
        <translation>Prüfbericht, %1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>utad::ui::ReviewTools</name>
    <message>
        <location filename="../ui/review/reviewtools.cpp" line="+63"/>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Re&amp;train with marks...</source>
        <translation>Mit Markierungen &amp;nachtrainieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a new model with the false positives as good images and compare</source>
        <translation>Ein neues Modell mit den Falsch-Positiven als Gutbildern trainieren und vergleichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport review report...</source>
        <translation>Prüfbericht e&amp;xportieren …</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Every listed image is reviewed.</source>
        <translation>Alle aufgeführten Bilder sind geprüft.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Draw the defect</source>
        <translation>Fehler einzeichnen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Draw defect on %1</source>
        <translation>Fehler auf %1 einzeichnen</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+41"/>
        <source>A review report is already being written.</source>
        <translation>Es wird bereits ein Prüfbericht geschrieben.</translation>
    </message>
    <message numerus="yes">
        <location line="-30"/>
        <source>Writing the review report to %1 (%n image(s))</source>
        <translation>
            <numerusform>Prüfbericht wird nach %1 geschrieben (%n Bild)</numerusform>
            <numerusform>Prüfbericht wird nach %1 geschrieben (%n Bilder)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Review report export cancelled</source>
        <translation>Export des Prüfberichts abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The review report could not be written.</source>
        <translation>Der Prüfbericht konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+17"/>
        <source>Export review report</source>
        <translation>Prüfbericht exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML report, with CSV and PDF beside it (*.html)</source>
        <translation>HTML-Bericht, mit CSV und PDF daneben (*.html)</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>%n image(s) marked as missed defects are left out of training: the model learns from good images only. The comparison afterwards shows whether the new model flags them.</source>
        <translation>
            <numerusform>%n als Schlupf (übersehener Fehler) markiertes Bild fließt nicht ins Training ein: Das Modell lernt nur aus Gutbildern. Der Vergleich danach zeigt, ob das neue Modell es beanstandet.</numerusform>
            <numerusform>%n als Schlupf (übersehener Fehler) markierte Bilder fließen nicht ins Training ein: Das Modell lernt nur aus Gutbildern. Der Vergleich danach zeigt, ob das neue Modell sie beanstandet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Review report written to %1 (with .csv and .pdf)</source>
        <translation>Prüfbericht nach %1 geschrieben (mit .csv und .pdf)</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Review report written to %1</source>
        <translation>Prüfbericht nach %1 geschrieben</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Load or train a model first.</source>
        <translation>Laden oder trainieren Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a dataset first.</source>
        <translation>Öffnen Sie zuerst einen Datensatz.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A training run is already going on.</source>
        <translation>Es läuft bereits ein Training.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No image is marked as a false positive: there is nothing new to learn from.</source>
        <translation>Kein Bild ist als Falsch-Positiv markiert: Es gibt nichts Neues zu lernen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+15"/>
        <location line="+32"/>
        <source>Retrain with marks</source>
        <translation>Mit Markierungen nachtrainieren</translation>
    </message>
    <message numerus="yes">
        <location line="-39"/>
        <source>Retraining with %n false positive(s) as good images…</source>
        <translation>
            <numerusform>Nachtrainieren mit %n Falsch-Positiv als Gutbild …</numerusform>
            <numerusform>Nachtrainieren mit %n Falsch-Positiven als Gutbildern …</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>elapsed %1, remaining about %2</source>
        <translation>vergangen %1, verbleibend etwa %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elapsed %1</source>
        <translation>vergangen %1</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Retrained with %n more good image(s); %1 decision(s) changed</source>
        <translation>
            <numerusform>Mit %n zusätzlichen Gutbild nachtrainiert; %1 Entscheidung(en) geändert</numerusform>
            <numerusform>Mit %n zusätzlichen Gutbildern nachtrainiert; %1 Entscheidung(en) geändert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+22"/>
        <source>Save the new model</source>
        <translation>Neues Modell speichern</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>UTAD model (*.utad)</source>
        <translation>UTAD-Modell (*.utad)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saving %1 was stopped.</source>
        <translation>Das Speichern von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Now using the retrained model %1</source>
        <translation>Das nachtrainierte Modell %1 wird jetzt verwendet</translation>
    </message>
</context>
<context>
    <name>utad::ui::Task</name>
    <message>
        <location filename="../ui/task.cpp" line="+72"/>
        <source>Unknown failure in %1</source>
        <translation>Unbekanntes Problem in %1</translation>
    </message>
</context>
<context>
    <name>utad::ui::TaskStatusWidget</name>
    <message>
        <location filename="../ui/taskstatuswidget.cpp" line="+26"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancel: %1</source>
        <translation>Abbrechen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%1 (+%n more job(s))</source>
        <translation>
            <numerusform>%1 (+%n weitere Aufgabe)</numerusform>
            <numerusform>%1 (+%n weitere Aufgaben)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 %</source>
        <translation>%1: %2 %</translation>
    </message>
</context>
<context>
    <name>utad::ui::ThresholdPanel</name>
    <message>
        <location filename="../ui/review/thresholdpanel.cpp" line="+84"/>
        <source>Image score</source>
        <translation>Bild-Anomaliewert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+66"/>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+64"/>
        <source>Defective</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Unlabelled</source>
        <translation>Ohne Label</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Drag the black line to move the image threshold (the orange dashed line bounds the uncertain band).</source>
        <translation>Ziehen Sie die schwarze Linie, um den Bild-Schwellwert zu verschieben (die orange gestrichelte Linie begrenzt das Unsicherheitsband).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>False-positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True-positive rate</source>
        <translation>Richtig-Positiv-Rate</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Decisions at the threshold</source>
        <translation>Entscheidungen am Schwellwert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Flagged</source>
        <translation>Beanstandet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passed</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Image threshold:</source>
        <translation>Bild-Schwellwert:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uncertain below</source>
        <translation>Unsicher unterhalb</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Images scored between the two thresholds are listed apart for manual review.</source>
        <translation>Bilder mit einem Anomaliewert zwischen den beiden Schwellwerten werden zur manuellen Prüfung gesondert aufgeführt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Second threshold:</source>
        <translation>Zweiter Schwellwert:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>F1-max</source>
        <translation>F1-max</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The threshold with the best F1 score on the labelled test images.</source>
        <translation>Der Schwellwert mit dem besten F1-Wert auf den gelabelten Testbildern.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Target FPR on good images</source>
        <translation>Ziel-FPR auf Gutbildern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The threshold that flags this share of the model&apos;s held-back good training images; needs no labelled defect.</source>
        <translation>Der Schwellwert, der diesen Anteil der zurückgehaltenen guten Trainingsbilder des Modells beanstandet; benötigt keine gelabelten Fehler.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic:</source>
        <translation>Automatisch:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From calibration</source>
        <translation>Aus der Kalibrierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+114"/>
        <source>A high quantile of the anomaly-map values on the model&apos;s good images.</source>
        <translation>Ein hohes Quantil der Anomaliekartenwerte auf den Gutbildern des Modells.</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Region outline:</source>
        <translation>Bereichskontur:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum area:</source>
        <translation>Mindestfläche:</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The uncertain band starts at the image threshold %1; its end cannot lie below it.</source>
        <translation>Das Unsicherheitsband beginnt beim Bild-Schwellwert %1; sein Ende kann nicht darunter liegen.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The image threshold the calibration proposes: outlines mark where the map reaches the level that flags an image.</source>
        <translation>Der Schwellwert für Bilder, den die Kalibrierung vorschlägt: Die Konturen zeigen, wo die Karte den Wert erreicht, ab dem ein Bild beanstandet wird.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>AUROC %1</source>
        <translation>AUROC %1</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>From calibration: between %n good image(s) and the same with painted defects.</source>
        <translation>
            <numerusform>Aus der Kalibrierung: zwischen %n Gutbild und demselben mit gemalten Fehlern.</numerusform>
            <numerusform>Aus der Kalibrierung: zwischen %n Gutbildern und denselben mit gemalten Fehlern.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model scored good images held back from its training, and the same images with painted holes, cracks, torn edges, pasted patches and uneven light. The threshold finds the most painted defects for the fewest good images flagged, a false alarm weighing %1 missed defects.</source>
        <translation>Das Modell hat Gutbilder bewertet, die beim Training zurückgehalten wurden, und dieselben Bilder mit gemalten Löchern, Rissen, ausgefransten Kanten, eingefügten Flecken und ungleichmäßigem Licht. Der Schwellwert findet die meisten gemalten Fehler bei den wenigsten beanstandeten Gutbildern; ein Fehlalarm wiegt %1 übersehene Fehler.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>From calibration: the %1th percentile of %n good image(s).</source>
        <translation>
            <numerusform>Aus der Kalibrierung: das %1. Perzentil von %n Gutbild.</numerusform>
            <numerusform>Aus der Kalibrierung: das %1. Perzentil von %n Gutbildern.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model scored good images held back from its training; the threshold lets this share of them pass.</source>
        <translation>Das Modell hat zurückgehaltene Gutbilder bewertet; der Schwellwert lässt diesen Anteil davon passieren.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Best F1 on %n labelled test image(s).</source>
        <translation>
            <numerusform>Bester F1-Wert auf %n gelabelten Testbild.</numerusform>
            <numerusform>Bester F1-Wert auf %n gelabelten Testbildern.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chosen on the labelled test images shown here; check it on parts the model has not seen.</source>
        <translation>Auf den hier gezeigten gelabelten Testbildern gewählt; prüfen Sie ihn an Teilen, die das Modell nicht kennt.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Warning: only %n image(s), too few to trust.</source>
        <translation>
            <numerusform>Warnung: nur %n Bild, zu wenige für einen verlässlichen Wert.</numerusform>
            <numerusform>Warnung: nur %n Bilder, zu wenige für einen verlässlichen Wert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calibrate the model on more good images, or label test images.</source>
        <translation>Kalibrieren Sie das Modell auf mehr Gutbildern oder labeln Sie Testbilder.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Image threshold set by hand.</source>
        <translation>Bild-Schwellwert manuell festgelegt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thresholds as they were saved.</source>
        <translation>Schwellwerte wie gespeichert.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Precision %1 · Recall %2
F1 %3 · False-positive rate %4</source>
        <translation>Präzision %1 · Trefferquote %2
F1 %3 · Falsch-Positiv-Rate %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No labelled images: mark images
as good or defective to get metrics.</source>
        <translation>Keine gelabelten Bilder: Markieren Sie Bilder
als gut oder fehlerhaft, um Kennzahlen zu erhalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
Flagged %1 of %2</source>
        <translation>
Beanstandet: %1 von %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · Uncertain %1</source>
        <translation> · Unsicher: %1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>F1-max needs labelled good and defective images.</source>
        <translation>F1-max benötigt gelabelte gute und fehlerhafte Bilder.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>F1-max: threshold %1 gives F1 %2 (precision %3, recall %4) on the labelled images.</source>
        <translation>F1-max: Schwellwert %1 ergibt F1 %2 (Präzision %3, Trefferquote %4) auf den gelabelten Bildern.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>the model&apos;s %n held-back good training image(s)</source>
        <translation>
            <numerusform>dem %n zurückgehaltenen guten Trainingsbild des Modells</numerusform>
            <numerusform>den %n zurückgehaltenen guten Trainingsbildern des Modells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>the %n labelled good test image(s)</source>
        <translation>
            <numerusform>dem %n gelabelten guten Testbild</numerusform>
            <numerusform>den %n gelabelten guten Testbildern</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target FPR needs a model with calibration scores or labelled good images.</source>
        <translation>Die Ziel-FPR benötigt ein Modell mit Kalibrierwerten oder gelabelte Gutbilder.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Target FPR %1: threshold %2 from %3.</source>
        <translation>Ziel-FPR %1: Schwellwert %2 aus %3.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Warning: %n image(s) are too few to trust this threshold.</source>
        <translation>
            <numerusform>Warnung: %n Bild ist zu wenig für einen verlässlichen Schwellwert.</numerusform>
            <numerusform>Warnung: %n Bilder sind zu wenige für einen verlässlichen Schwellwert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>utad::ui::ThumbnailTask</name>
    <message>
        <location filename="../ui/jobs.cpp" line="-20"/>
        <source>Thumbnails</source>
        <translation>Vorschaubilder</translation>
    </message>
</context>
<context>
    <name>utad::ui::TrainOptionsDialog</name>
    <message>
        <location filename="../ui/trainingdialog.cpp" line="+37"/>
        <source>Train a model</source>
        <translation>Modell trainieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two-stage (IE-Net + Expert-Net)</source>
        <translation>Zweistufig (IE-Net + Expert-Net)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-stage autoencoder (baseline)</source>
        <translation>Einstufiger Autoencoder (Vergleichsbasis)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method:</source>
        <translation>Verfahren:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cpu: small networks, minutes on a CPU</source>
        <translation>cpu: kleine Netze, Minuten auf einer CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paper: release-sized networks, for a GPU</source>
        <translation>paper: Netze in Originalgröße, für eine GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optimizer steps of the IE-Net (or of the one-stage autoencoder), each on a batch of tiles</source>
        <translation>Optimierungsschritte des IE-Net (oder des einstufigen Autoencoders), jeweils mit einem Batch aus Kacheln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IE-Net steps:</source>
        <translation>IE-Net-Schritte:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optimizer steps of the Expert-Net (not used by the one-stage autoencoder)</source>
        <translation>Optimierungsschritte des Expert-Net (vom einstufigen Autoencoder nicht verwendet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expert-Net steps:</source>
        <translation>Expert-Net-Schritte:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optimizer steps of the defect segmenter, which learns from defects pasted into good tiles which differences are defects (0: none; not used by the one-stage autoencoder)</source>
        <translation>Optimierungsschritte des Fehler-Segmentierers, der an in Gutbild-Kacheln eingefügten Fehlern lernt, welche Abweichungen Fehler sind (0: keiner; vom einstufigen Autoencoder nicht verwendet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segmenter steps:</source>
        <translation>Segmentierer-Schritte:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Automatic (CUDA when available)</source>
        <translation>Automatisch (CUDA, falls verfügbar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Random seed:</source>
        <translation>Zufalls-Seed:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Flips, rotations and crops of the training images</source>
        <translation>Spiegelungen, Drehungen und Ausschnitte der Trainingsbilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Augmentation:</source>
        <translation>Datenaugmentierung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
</context>
<context>
    <name>utad::ui::TrainingDialog</name>
    <message>
        <location line="+47"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starting...</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training image</source>
        <translation>Trainingsbild</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Impression</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reconstruction</source>
        <translation>Rekonstruktion</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save model...</source>
        <translation>Modell speichern …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use model</source>
        <translation>Modell verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+187"/>
        <source>Stopping after the current batch...</source>
        <translation>Wird nach dem aktuellen Batch angehalten …</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>elapsed %1</source>
        <translation>vergangen %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Calibrating on held-back good images...</source>
        <translation>Kalibrierung mit zurückgehaltenen guten Trainingsbildern …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: step %2 of %3, loss %4</source>
        <translation>%1: Schritt %2 von %3, Verlust %4</translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>Training stopped after %n step(s), before the end: the model is only partly trained.</source>
        <translation>
            <numerusform>Training nach %n Schritt vor dem Ende angehalten: Das Modell ist nur teilweise trainiert.</numerusform>
            <numerusform>Training nach %n Schritten vor dem Ende angehalten: Das Modell ist nur teilweise trainiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Use an incomplete model?</source>
        <translation>Unvollständiges Modell verwenden?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training was stopped before it finished. This model has not learnt what a finished one would, and its scores and proposed thresholds can flag good parts or pass defects.

Use it anyway?</source>
        <translation>Das Training wurde vor dem Ende angehalten. Dieses Modell hat nicht alles gelernt, was ein fertig trainiertes Modell lernen würde; seine Anomaliewerte und vorgeschlagenen Schwellwerte können Gutteile beanstanden oder Fehler freigeben.

Trotzdem verwenden?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use the incomplete model</source>
        <translation>Unvollständiges Modell verwenden</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>elapsed %1, remaining %2</source>
        <translation>vergangen %1, verbleibend %2</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Training finished. Save the model to keep it.</source>
        <translation>Training abgeschlossen. Speichern Sie das Modell, um es zu behalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training stopped before every network had trained; there is no model to save.</source>
        <translation>Das Training wurde angehalten, bevor alle Netze trainiert waren; es gibt kein Modell zum Speichern.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no trained model to save.</source>
        <translation>Es gibt kein trainiertes Modell zum Speichern.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saving to %1...</source>
        <translation>Wird unter %1 gespeichert …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saving was stopped.</source>
        <translation>Das Speichern wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save model</source>
        <translation>Modell speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UTAD models (*.utad)</source>
        <translation>UTAD-Modelle (*.utad)</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>optimizer steps</source>
        <translation>Optimierungsschritte</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>Could not save: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>utad::ui::TrainingTask</name>
    <message>
        <location filename="../ui/trainingtask.cpp" line="+8"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
</context>
<context>
    <name>utad::ui::Translation</name>
    <message>
        <location filename="../ui/translation.cpp" line="+101"/>
        <source>Language Changed</source>
        <translation>Sprache geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used after the workbench restarts. Restart now?

Open projects are closed first; you are asked to save any unsaved changes.</source>
        <translation>Die neue Sprache wird nach einem Neustart der Workbench verwendet. Jetzt neu starten?

Offene Projekte werden zuerst geschlossen; ungespeicherte Änderungen können Sie vorher speichern.</translation>
    </message>
</context>
</TS>
