<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/panelcache.cpp" line="+47"/>
        <location line="+14"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/project.cpp" line="+251"/>
        <location line="+6"/>
        <source>Cannot write the project %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cannot open the project %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a valid project file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a UTAD Workbench project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was written by a newer version of the workbench.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>utad::ui</name>
    <message>
        <location filename="../ui/panelrender.cpp" line="+31"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Impression (IE-Net)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expert reconstruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Anomaly map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Naive impression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Residual: input vs impression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Residual: input vs reconstruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residual: impression vs naive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>utad::ui::InferenceTask</name>
    <message>
        <location filename="../ui/inferencetask.cpp" line="+10"/>
        <source>Inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scoring %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scoring %1 images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>utad::ui::InspectorWidget</name>
    <message>
        <location filename="../ui/inspectorwidget.cpp" line="+29"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Residuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the naive impression and the residual maps (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blend the anomaly map over the input (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overlay opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outline the ground-truth defect mask in green (G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outline the predicted defect regions in magenta (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+237"/>
        <source>x %1, y %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  value %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  RGB %1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  anomaly %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>utad::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+3"/>
        <source>UTAD Workbench</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>utad::ui::Project</name>
    <message>
        <location filename="../ui/project.cpp" line="-45"/>
        <source>The project has no file yet: use Save project as.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>utad::ui::Task</name>
    <message>
        <location filename="../ui/task.cpp" line="+54"/>
        <source>Unknown failure in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>utad::ui::TrainingTask</name>
    <message>
        <location filename="../ui/trainingtask.cpp" line="+8"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>utad::ui::Translation</name>
    <message>
        <location filename="../ui/translation.cpp" line="+94"/>
        <source>Language Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used after the workbench restarts. Restart now?

Open projects are closed first; you are asked to save any unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
