<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ReviewFilter</name>
    <message>
        <location filename="../ui/review/reviewfilter.cpp" line="+12"/>
        <source>All images</source>
        <translation>全部图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>False positives</source>
        <translation>误报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False negatives</source>
        <translation>漏检</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotated</source>
        <translation>已标注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unreviewed</source>
        <translation>未复核</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/workbench_main.cpp" line="+40"/>
        <source>Inspection workbench for unsupervised two-stage visual anomaly detection.</source>
        <translation>无监督两阶段视觉异常检测工作台。</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Open the dataset folder DIR (MVTec layout or plain images).</source>
        <translation>打开数据集文件夹 DIR（MVTec 目录结构或普通图像文件夹）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load the model FILE and score the dataset with it.</source>
        <translation>加载模型 FILE 并用它对数据集评分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the project FILE (.utadproj).</source>
        <translation>打开项目文件 FILE（.utadproj）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once the window has settled, save a picture of it to FILE and quit (for documentation).</source>
        <translation>窗口加载完成后，将窗口截图保存到 FILE 并退出（用于编写文档）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start with the panels in MODE: stages (default), overlay or residuals.</source>
        <translation>以 MODE 模式显示视图启动：stages（默认）、overlay 或 residuals。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A dataset folder, image folder, project (.utadproj) or model (.utad) to open.</source>
        <translation>要打开的数据集文件夹、图像文件夹、项目（.utadproj）或模型（.utad）。</translation>
    </message>
</context>
<context>
    <name>utad::ui</name>
    <message>
        <location filename="../ui/panelrender.cpp" line="+32"/>
        <source>Input</source>
        <translation>输入图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impression (IE-Net)</source>
        <translation>印象图（IE-Net）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expert reconstruction</source>
        <translation>专家网络重建图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anomaly map</source>
        <translation>异常图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Naive impression</source>
        <translation>朴素印象图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residual: input vs impression</source>
        <translation>残差：输入图像与印象图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residual: input vs reconstruction</source>
        <translation>残差：输入图像与重建图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residual: impression vs naive</source>
        <translation>残差：印象图与朴素印象图</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Defect probability (segmenter, 0 to 1)</source>
        <translation>缺陷概率（分割器，0 到 1）</translation>
    </message>
</context>
<context>
    <name>utad::ui::AnnotationPanel</name>
    <message>
        <location filename="../ui/review/annotationpanel.cpp" line="+33"/>
        <source>False positive</source>
        <translation>误报</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flagged, but the part is good</source>
        <translation>被拦截，但零件合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed defect</source>
        <translation>确认缺陷</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flagged, and the part is defective</source>
        <translation>被拦截，零件确有缺陷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed defect</source>
        <translation>漏检</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passed, but the part is defective; draw the defect with B</source>
        <translation>被放行，但零件有缺陷；按 B 绘制缺陷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear mark</source>
        <translation>清除标记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the mark of this image</source>
        <translation>删除此图像的标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+160"/>
        <source>Reviewed, decision OK</source>
        <translation>已复核，判定正确</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>The model&apos;s decision is right; no mark needed</source>
        <translation>模型判定正确，无需标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw defect…</source>
        <translation>绘制缺陷…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outline the defect with a brush or polygon</source>
        <translation>用画笔或多边形勾勒缺陷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next unreviewed</source>
        <translation>下一个未复核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to the next unreviewed image in the list</source>
        <translation>跳到列表中下一张未复核的图像</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Note (Enter saves it)</source>
        <translation>备注（按 Enter 保存）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A note on this image, saved with Enter</source>
        <translation>此图像的备注，按 Enter 保存</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show only these images in the image list</source>
        <translation>在图像列表中只显示这些图像</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Reviewed %1 of %2 images</source>
        <translation>已复核 %1 / %2 张图像</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No image selected</source>
        <translation>未选择图像</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Score %1 · model says %2 · truth: %3</source>
        <translation>异常分数 %1 · 模型判定：%2 · 真值：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unreviewed</source>
        <translation>未复核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>defect drawn</source>
        <translation>已绘制缺陷</translation>
    </message>
</context>
<context>
    <name>utad::ui::AnnotationStore</name>
    <message>
        <location filename="../ui/review/annotationstore.cpp" line="+79"/>
        <source>Mark %1 as %2</source>
        <translation>将 %1 的标记设为%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Note on %1</source>
        <translation>%1 的备注</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Remove mask of %1</source>
        <translation>删除 %1 的掩膜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw mask on %1</source>
        <translation>在 %1 上绘制掩膜</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Mark %1 reviewed</source>
        <translation>将 %1 标记为已复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark %1 unreviewed</source>
        <translation>将 %1 标记为未复核</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Cannot write the mask %1: %2</source>
        <translation>无法写入掩膜 %1：%2</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>False positive</source>
        <translation>误报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed defect</source>
        <translation>确认缺陷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed defect</source>
        <translation>漏检</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/review/reviewfilter.cpp" line="+61"/>
        <source>now flagged</source>
        <translation>现已拦截</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>now passed</source>
        <translation>现已放行</translation>
    </message>
</context>
<context>
    <name>utad::ui::CopyFolderTask</name>
    <message>
        <location filename="../ui/jobs.cpp" line="+57"/>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot copy %1 to %2: %3</source>
        <translation>无法将 %1 复制到 %2：%3</translation>
    </message>
</context>
<context>
    <name>utad::ui::Duration</name>
    <message>
        <location filename="../ui/format.cpp" line="+48"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>utad::ui::ImageListModel</name>
    <message>
        <location filename="../ui/imagelistmodel.cpp" line="+30"/>
        <location line="+10"/>
        <source>good</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>defective</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+316"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location line="-284"/>
        <source>OK</source>
        <translation>判定正确</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (drawn)</source>
        <translation>（已绘制）</translation>
    </message>
    <message>
        <location line="+315"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defect</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Truth</source>
        <translation>真值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
</context>
<context>
    <name>utad::ui::InferenceTask</name>
    <message>
        <location filename="../ui/inferencetask.cpp" line="+10"/>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scoring %1 of %2</source>
        <translation>正在评分 %1 / %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scoring %1 images</source>
        <translation>正在为 %1 张图像评分</translation>
    </message>
</context>
<context>
    <name>utad::ui::InspectorWidget</name>
    <message>
        <location filename="../ui/inspectorwidget.cpp" line="+38"/>
        <source>Inspector</source>
        <translation>检视器</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+364"/>
        <source>Residuals</source>
        <translation>残差</translation>
    </message>
    <message>
        <location line="-361"/>
        <source>Show the naive impression and the residual maps (R)</source>
        <translation>显示朴素印象图和残差图 (R)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom in (+, wheel)</source>
        <translation>放大（+，滚轮）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom out (-, wheel)</source>
        <translation>缩小（-，滚轮）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location line="+309"/>
        <source>Anomaly map</source>
        <translation>异常图</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, score %2</source>
        <translation>%1，异常分数 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Anomaly-map colour scale, the same for every image of this model</source>
        <translation>异常图色标，该模型的所有图像相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anomaly-map colour scale: this image&apos;s range</source>
        <translation>异常图色标：本图像的取值范围</translation>
    </message>
    <message>
        <location line="-377"/>
        <source>Overlay</source>
        <translation>叠加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blend the anomaly map over the input (O)</source>
        <translation>将异常图叠加到输入图像上 (O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Overlay opacity</source>
        <translation>叠加不透明度</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Colour map</source>
        <translation>色图</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ground truth</source>
        <translation>真值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outline the ground-truth defect mask in green (G)</source>
        <translation>用绿色勾勒真值缺陷掩膜的轮廓 (G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outline the predicted defect regions in magenta (P)</source>
        <translation>用品红色勾勒预测缺陷区域的轮廓 (P)</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cannot show %1</source>
        <translation>无法显示 %1</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>%1 (colour scale: this image&apos;s range)</source>
        <translation>%1（色标范围：本图像的取值范围）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour scale of the three residual maps</source>
        <translation>三张残差图的色标</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>x %1, y %2</source>
        <translation>x %1, y %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  value %1</source>
        <translation>  值 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  RGB %1, %2, %3</source>
        <translation>  RGB %1, %2, %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>  anomaly %1</source>
        <translation>  异常 %1</translation>
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
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;dataset folder...</source>
        <translation>打开数据集文件夹(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open project...</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recent projects</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save project &amp;as...</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Load model...</source>
        <translation>加载模型(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export panels as PNG...</source>
        <translation>将视图导出为 PNG(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences...</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train...</source>
        <translation>训练(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Run inference</source>
        <translation>运行推理(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model &amp;information...</source>
        <translation>模型信息(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Review</source>
        <translation>复核(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Colour map</source>
        <translation>色图(&amp;C)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About UTAD Workbench</source>
        <translation>关于 UTAD Workbench(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Defect type</source>
        <translation>缺陷类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>True label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any truth</source>
        <translation>全部真实标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Truly good</source>
        <translation>实际合格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Truly defective</source>
        <translation>实际缺陷</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlabelled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any prediction</source>
        <translation>全部预测</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted good</source>
        <translation>预测合格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted defective</source>
        <translation>预测缺陷</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <location line="+94"/>
        <location line="+4"/>
        <source>Cannot open the dataset</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 contains no images.</source>
        <translation>%1 中没有图像。</translation>
    </message>
    <message>
        <location line="+229"/>
        <source>Training %1 (preset %2, %3 steps) on %4 images</source>
        <translation>正在训练 %1（预设 %2，%3 步），共 %4 张图像</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>, defect segmenter %1</source>
        <translation>，缺陷分割器 %1</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Image AUROC by defect type: %1.</source>
        <translation>按缺陷类型的图像级 AUROC：%1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Close UTAD Workbench</source>
        <translation>关闭 UTAD Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A training run is going on. Closing the window stops it and throws away what it has trained so far.</source>
        <translation>训练正在进行。关闭窗口将停止训练，并丢弃目前已训练的结果。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trained model has not been saved. Closing the window throws it away.</source>
        <translation>训练好的模型尚未保存。关闭窗口将丢弃该模型。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close and discard</source>
        <translation>关闭并丢弃</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Waiting for %1 to stop...</source>
        <translation>正在等待 %1 停止…</translation>
    </message>
    <message>
        <location line="-515"/>
        <source>Opened %1: %2 training and %3 test images</source>
        <translation>已打开 %1：%2 张训练图像，%3 张测试图像</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Any defect type</source>
        <translation>全部缺陷类型</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened project %1</source>
        <translation>已打开项目 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot open the project&apos;s dataset</source>
        <translation>无法打开项目的数据集</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The project&apos;s model %1 is missing; cached results are shown, new images cannot be scored.</source>
        <translation>项目的模型 %1 不存在；当前显示缓存的结果，无法为新图像评分。</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+185"/>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <location line="-613"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+437"/>
        <source>There is no model file at %1.</source>
        <translation>%1 处没有模型文件。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot load the model</source>
        <translation>无法加载模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading %1 was stopped.</source>
        <translation>已中止加载 %1。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Model %1: %2, preset %3, %4x%4 tiles, trained on %5 images</source>
        <translation>模型 %1：%2，预设 %3，图块 %4x%4，用 %5 张图像训练</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Training cancelled after %1 steps</source>
        <translation>训练在 %1 步后取消</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;File&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Method&lt;/td&gt;&lt;td&gt;%2, preset %3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Network input&lt;/td&gt;&lt;td&gt;%4 x %4 tiles, %5 channel(s), %21&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Widths&lt;/td&gt;&lt;td&gt;IE-Net %6, latent %7, Expert-Net %8, detail code %9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Trained on&lt;/td&gt;&lt;td&gt;%10 images of %11 (%12 x %13), %14 steps in %15&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Anomaly map&lt;/td&gt;&lt;td&gt;%22&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Calibration&lt;/td&gt;&lt;td&gt;good-image scores %16 &amp;plusmn; %17 (%18 images), pixel hint %19&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Device&lt;/td&gt;&lt;td&gt;%20&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;文件&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;方法&lt;/td&gt;&lt;td&gt;%2，预设 %3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;网络输入&lt;/td&gt;&lt;td&gt;%4 x %4 图块，%5 通道，%21&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;网络宽度&lt;/td&gt;&lt;td&gt;IE-Net %6，隐空间 %7，Expert-Net %8，细节编码 %9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;训练数据&lt;/td&gt;&lt;td&gt;%11 中的 %10 张图像（%12 x %13），%14 步，用时 %15&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;异常图&lt;/td&gt;&lt;td&gt;%22&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;校准&lt;/td&gt;&lt;td&gt;合格图像分数 %16 &amp;plusmn; %17（%18 张图像），像素阈值建议 %19&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;设备&lt;/td&gt;&lt;td&gt;%20&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>whole images</source>
        <translation>整幅图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>working scale %1</source>
        <translation>工作比例 %1</translation>
    </message>
    <message>
        <location line="-230"/>
        <location line="+209"/>
        <source>(not saved)</source>
        <translation>（未保存）</translation>
    </message>
    <message numerus="yes">
        <location line="-321"/>
        <source>… and %n more dataset warning(s), listed on the standard error output</source>
        <translation>
            <numerusform>……以及另外 %n 条数据集警告，已列在标准错误输出中</numerusform>
        </translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Run inference</source>
        <translation>运行推理</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+46"/>
        <source>Open a dataset folder first.</source>
        <translation>请先打开数据集文件夹。</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+176"/>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Inference failed</source>
        <translation>推理失败</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scored %1 images (%2 ms per image)</source>
        <translation>已为 %1 张图像评分（每张 %2 毫秒）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inference cancelled after %1 images</source>
        <translation>推理在 %1 张图像后取消</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+4"/>
        <location line="+6"/>
        <location line="+107"/>
        <location line="+9"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>%1 has no training images: a model learns from anomaly-free images in train/good.</source>
        <translation>%1 中没有训练图像：模型需要从 train/good 中的无异常图像学习。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A training run is already going on.</source>
        <translation>已有训练正在进行。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training finished</source>
        <translation>训练完成</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+5"/>
        <location line="+58"/>
        <source>Export panels</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>There is no image to export.</source>
        <translation>没有可导出的图像。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported the panels of %1 to %2</source>
        <translation>已将 %1 的视图导出到 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open dataset folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Load model</source>
        <translation>加载模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UTAD models (*.utad);;All files (*)</source>
        <translation>UTAD 模型 (*.utad);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a dataset folder first: the model learns from its train/good images.</source>
        <translation>请先打开数据集文件夹：模型从其中 train/good 的图像学习。</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+39"/>
        <source>Model information</source>
        <translation>模型信息</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>About UTAD Workbench</source>
        <translation>关于 UTAD Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;UTAD Workbench %1&lt;/h3&gt;&lt;p&gt;Inspection workbench for unsupervised visual anomaly detection, after Liu, Zhuang and Lu, &lt;i&gt;Unsupervised Two-Stage Anomaly Detection&lt;/i&gt; (arXiv 2103.11671).&lt;/p&gt;&lt;p&gt;Qt %2, running on %3 with %4 threads.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;UTAD Workbench %1&lt;/h3&gt;&lt;p&gt;无监督视觉异常检测工作台，基于 Liu、Zhuang 和 Lu 的论文 &lt;i&gt;Unsupervised Two-Stage Anomaly Detection&lt;/i&gt;（arXiv 2103.11671）。&lt;/p&gt;&lt;p&gt;Qt %2，运行于 %3，使用 %4 个线程。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Use Model &gt; Train... to train one.</source>
        <translation>请通过“模型 &gt; 训练…”训练一个模型。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a model on %1 now?</source>
        <translation>现在用 %1 训练模型吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train...</source>
        <translation>训练…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no dataset</source>
        <translation>无数据集</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 - UTAD Workbench</source>
        <translation>%1 - UTAD Workbench</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Device: %1  |  %n thread(s)</source>
        <translation>
            <numerusform>设备：%1  |  %n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not scored yet: Model &gt; Run inference.</source>
        <translation>尚未评分：模型 &gt; 运行推理。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No model loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 images scored (%2 skipped). Image AUROC %3, pixel AUROC %4, AUPRO %5, F1-max %6 at %7; %8 ms per image.</source>
        <translation>已为 %1 张图像评分（跳过 %2 张）。图像级 AUROC %3，像素级 AUROC %4，AUPRO %5，F1-max %6（阈值 %7）；每张 %8 毫秒。</translation>
    </message>
</context>
<context>
    <name>utad::ui::MaskEditorDialog</name>
    <message>
        <location filename="../ui/review/maskeditor.cpp" line="+205"/>
        <source>Draw the defect — %1</source>
        <translation>绘制缺陷 — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Brush</source>
        <translation>画笔(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Polygon</source>
        <translation>多边形(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Erase</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>radius </source>
        <translation>半径 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Brush: paint with the left button, erase with the right. Polygon: click the corners, double-click or Enter to fill.</source>
        <translation>画笔：按住左键绘制，按住右键擦除。多边形：依次单击各角点，双击或按 Enter 填充。</translation>
    </message>
</context>
<context>
    <name>utad::ui::ModelLoadTask</name>
    <message>
        <location filename="../ui/jobs.cpp" line="-50"/>
        <source>Loading the model %1</source>
        <translation>加载模型 %1</translation>
    </message>
</context>
<context>
    <name>utad::ui::ModelSaveTask</name>
    <message>
        <location line="+12"/>
        <source>Saving the model %1</source>
        <translation>保存模型 %1</translation>
    </message>
</context>
<context>
    <name>utad::ui::OpenPaths</name>
    <message>
        <location filename="../ui/openpaths.cpp" line="+20"/>
        <source>Cannot open %1: there is no such file or folder.</source>
        <translation>无法打开 %1：文件或文件夹不存在。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open %1: it is not a dataset folder, an image folder, a project (.utadproj) or a model (.utad).</source>
        <translation>无法打开 %1：它不是数据集文件夹、图像文件夹、项目（.utadproj）或模型（.utad）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
</context>
<context>
    <name>utad::ui::PanelCache</name>
    <message>
        <location filename="../ui/panelcache.cpp" line="+49"/>
        <location line="+14"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>utad::ui::PanelTask</name>
    <message>
        <location filename="../ui/jobs.cpp" line="+79"/>
        <source>Panels</source>
        <translation>视图</translation>
    </message>
</context>
<context>
    <name>utad::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/preferences.cpp" line="+43"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All cores (%1)</source>
        <translation>全部核心（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compute threads:</source>
        <translation>计算线程：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour map:</source>
        <translation>色图：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cpu (minutes on a laptop)</source>
        <translation>cpu（笔记本电脑上需数分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paper (release size, needs a GPU)</source>
        <translation>paper（论文原始规模，需要 GPU）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default training preset:</source>
        <translation>默认训练预设：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language takes effect at the next start.</source>
        <translation>语言将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>utad::ui::Project</name>
    <message>
        <location filename="../ui/project.cpp" line="+87"/>
        <source>Change the thresholds</source>
        <translation>更改阈值</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Restored the review marks and results saved earlier for %1</source>
        <translation>已恢复先前为 %1 保存的复核标记和结果</translation>
    </message>
    <message>
        <location line="+304"/>
        <location line="+6"/>
        <source>Cannot write the project %1: %2</source>
        <translation>无法写入项目 %1：%2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Saving the project %1</source>
        <translation>保存项目 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving %1 was cancelled; nothing was written.</source>
        <translation>已取消保存 %1，未写入任何内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Cannot save the project %1:
%2</source>
        <translation>无法保存项目 %1：
%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The project has no file yet: use Save project as.</source>
        <translation>项目尚无文件：请使用“项目另存为”。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot open the project %1: %2</source>
        <translation>无法打开项目 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a valid project file: %2</source>
        <translation>%1 不是有效的项目文件：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a UTAD Workbench project.</source>
        <translation>%1 不是 UTAD Workbench 项目。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was written by a newer version of the workbench.</source>
        <translation>%1 由更高版本的工作台保存。</translation>
    </message>
</context>
<context>
    <name>utad::ui::ReportTask</name>
    <message>
        <location filename="../ui/review/reporttask.cpp" line="+11"/>
        <source>Review report</source>
        <translation>复核报告</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Writing the review report</source>
        <translation>正在写入复核报告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report: image %1 of %2</source>
        <translation>报告：图像 %1 / %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report: writing the PDF</source>
        <translation>报告：正在写入 PDF</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Report written</source>
        <translation>报告已写入</translation>
    </message>
</context>
<context>
    <name>utad::ui::RetrainComparisonDialog</name>
    <message>
        <location filename="../ui/review/retrain.cpp" line="+175"/>
        <source>Retrained model: before and after</source>
        <translation>重新训练的模型：前后对比</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n image(s) marked as false positives joined the training set. Metrics at the image threshold %1 (labels: ground truth, else the review marks).</source>
        <translation>
            <numerusform>%n 张标记为误报的图像已加入训练集。以下指标基于图像阈值 %1（标签：优先使用真值，否则使用复核标记）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Image AUROC</source>
        <translation>图像级 AUROC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>False-positive rate</source>
        <translation>误报率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defective flagged (TP)</source>
        <translation>缺陷被拦截 (TP)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Good flagged (FP)</source>
        <translation>合格被拦截 (FP)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Good passed (TN)</source>
        <translation>合格被放行 (TN)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Defective passed (FN)</source>
        <translation>缺陷被放行 (FN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images flagged</source>
        <translation>被拦截的图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+22"/>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message numerus="yes">
        <location line="-3"/>
        <source>%n image(s) changed decision:</source>
        <translation>
            <numerusform>%n 张图像的判定发生了变化：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Truth</source>
        <translation>真值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Use the new model…</source>
        <translation>使用新模型…</translation>
    </message>
</context>
<context>
    <name>utad::ui::Retrainer</name>
    <message>
        <location line="-123"/>
        <source>Training: %1</source>
        <translation>训练：%1</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>Training with %n more good image(s)</source>
        <translation>
            <numerusform>增加 %n 张合格图像进行训练</numerusform>
        </translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Retraining</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Retraining was cancelled.</source>
        <translation>重新训练已取消。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Scoring the test images</source>
        <translation>正在为测试图像评分</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The project was closed while retraining.</source>
        <translation>重新训练期间项目已被关闭。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done</source>
        <translation>完成</translation>
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
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-780"/>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reviewed, decision OK</source>
        <translation>已复核，判定正确</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unreviewed</source>
        <translation>未复核</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>colour scale 0 to %1</source>
        <translation>色标 0 至 %1</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Image threshold</source>
        <translation>图像阈值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uncertain below</source>
        <translation>不确定下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pixel threshold / min. region</source>
        <translation>像素阈值 / 最小区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image AUROC</source>
        <translation>图像级 AUROC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Defective: flagged / passed</source>
        <translation>缺陷：拦截 / 放行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Good: flagged / passed</source>
        <translation>合格：拦截 / 放行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>False-positive rate</source>
        <translation>误报率</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n image(s): %1 flagged, %2 uncertain, %3 passed, %4 not scored; %5 reviewed.</source>
        <translation>
            <numerusform>%n 张图像：%1 张拦截，%2 张不确定，%3 张放行，%4 张未评分；%5 张已复核。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%1: %2 of %n flagged, %3 uncertain, %4 passed</source>
        <translation>
            <numerusform>%1：%n 张中 %2 张拦截，%3 张不确定，%4 张放行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+1"/>
        <location line="+115"/>
        <location line="+197"/>
        <source>Review report</source>
        <translation>复核报告</translation>
    </message>
    <message>
        <location line="-310"/>
        <location line="+312"/>
        <source>Dataset: %1</source>
        <translation>数据集：%1</translation>
    </message>
    <message>
        <location line="-311"/>
        <location line="+312"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location line="-312"/>
        <location line="+312"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-311"/>
        <location line="+312"/>
        <source>Written: %1</source>
        <translation>生成于：%1</translation>
    </message>
    <message>
        <location line="-311"/>
        <location line="+316"/>
        <source>Operating point</source>
        <translation>工作点</translation>
    </message>
    <message>
        <location line="-308"/>
        <location line="+321"/>
        <source>Defective images by defect type:</source>
        <translation>按缺陷类型统计的缺陷图像：</translation>
    </message>
    <message>
        <location line="-314"/>
        <location line="+327"/>
        <source>Anomaly maps share one colour scale, 0 to %1 (from the model&apos;s calibration).</source>
        <translation>所有异常图共用一个色标，0 至 %1（来自模型的校准）。</translation>
    </message>
    <message>
        <location line="-325"/>
        <location line="+333"/>
        <source>Each anomaly map is coloured over its own range.</source>
        <translation>每张异常图按其自身的取值范围着色。</translation>
    </message>
    <message>
        <location line="-330"/>
        <location line="+317"/>
        <source>Outlines: magenta, the predicted defect regions; cyan, the defect drawn by the reviewer.</source>
        <translation>轮廓：品红色为预测的缺陷区域，青色为复核人员绘制的缺陷。</translation>
    </message>
    <message numerus="yes">
        <location line="-312"/>
        <location line="+333"/>
        <source>All %n image(s)</source>
        <translation>
            <numerusform>全部 %n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <location line="-333"/>
        <location line="+107"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+107"/>
        <source>Truth</source>
        <translation>真值</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+106"/>
        <source>Defect type</source>
        <translation>缺陷类型</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+106"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+107"/>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+107"/>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message numerus="yes">
        <location line="-85"/>
        <location line="+311"/>
        <source>%n image(s) flagged or annotated</source>
        <translation>
            <numerusform>%n 张图像被拦截或已标注</numerusform>
        </translation>
    </message>
    <message>
        <location line="-300"/>
        <location line="+338"/>
        <source>Score %1</source>
        <translation>异常分数 %1</translation>
    </message>
    <message>
        <location line="-336"/>
        <location line="+346"/>
        <source>Truth: %1</source>
        <translation>真值：%1</translation>
    </message>
    <message>
        <location line="-345"/>
        <location line="+351"/>
        <source>Review: %1</source>
        <translation>复核：%1</translation>
    </message>
    <message>
        <location line="-349"/>
        <location line="+351"/>
        <source>defect drawn</source>
        <translation>已绘制缺陷</translation>
    </message>
    <message>
        <location line="-326"/>
        <location line="+271"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>the PDF could not be started</source>
        <translation>无法开始生成 PDF</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Review report, %1, %2</source>
        <translation>复核报告，%1，%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>utad::ui::ReviewTools</name>
    <message>
        <location filename="../ui/review/reviewtools.cpp" line="+63"/>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Re&amp;train with marks...</source>
        <translation>按标记重新训练(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a new model with the false positives as good images and compare</source>
        <translation>将误报图像作为合格图像训练新模型并进行对比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport review report...</source>
        <translation>导出复核报告(&amp;X)…</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Every listed image is reviewed.</source>
        <translation>列表中的所有图像均已复核。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Draw the defect</source>
        <translation>绘制缺陷</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Draw defect on %1</source>
        <translation>在 %1 上绘制缺陷</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+41"/>
        <source>A review report is already being written.</source>
        <translation>已有一份复核报告正在写入。</translation>
    </message>
    <message numerus="yes">
        <location line="-30"/>
        <source>Writing the review report to %1 (%n image(s))</source>
        <translation>
            <numerusform>正在将复核报告写入 %1（%n 张图像）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Review report export cancelled</source>
        <translation>复核报告导出已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The review report could not be written.</source>
        <translation>无法写入复核报告。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+17"/>
        <source>Export review report</source>
        <translation>导出复核报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML report, with CSV and PDF beside it (*.html)</source>
        <translation>HTML 报告，同时生成 CSV 和 PDF (*.html)</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>%n image(s) marked as missed defects are left out of training: the model learns from good images only. The comparison afterwards shows whether the new model flags them.</source>
        <translation>
            <numerusform>%n 张标记为漏检的图像不参与训练：模型只从合格图像学习。训练后的对比会显示新模型是否会拦截它们。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Review report written to %1 (with .csv and .pdf)</source>
        <translation>复核报告已写入 %1（另附 .csv 和 .pdf）</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Review report written to %1</source>
        <translation>复核报告已写入 %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Load or train a model first.</source>
        <translation>请先加载或训练模型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a dataset first.</source>
        <translation>请先打开数据集。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A training run is already going on.</source>
        <translation>已有训练正在进行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No image is marked as a false positive: there is nothing new to learn from.</source>
        <translation>没有图像被标记为误报：没有可供学习的新内容。</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+15"/>
        <location line="+32"/>
        <source>Retrain with marks</source>
        <translation>按标记重新训练</translation>
    </message>
    <message numerus="yes">
        <location line="-39"/>
        <source>Retraining with %n false positive(s) as good images…</source>
        <translation>
            <numerusform>正在将 %n 张误报图像作为合格图像重新训练…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>elapsed %1, remaining about %2</source>
        <translation>已用 %1，约剩 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elapsed %1</source>
        <translation>已用 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Retrained with %n more good image(s); %1 decision(s) changed</source>
        <translation>
            <numerusform>已增加 %n 张合格图像重新训练；%1 个判定发生了变化</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+22"/>
        <source>Save the new model</source>
        <translation>保存新模型</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>UTAD model (*.utad)</source>
        <translation>UTAD 模型 (*.utad)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saving %1 was stopped.</source>
        <translation>已中止保存 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Now using the retrained model %1</source>
        <translation>现在使用重新训练的模型 %1</translation>
    </message>
</context>
<context>
    <name>utad::ui::Task</name>
    <message>
        <location filename="../ui/task.cpp" line="+72"/>
        <source>Unknown failure in %1</source>
        <translation>%1 中出现未知故障</translation>
    </message>
</context>
<context>
    <name>utad::ui::TaskStatusWidget</name>
    <message>
        <location filename="../ui/taskstatuswidget.cpp" line="+26"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancel: %1</source>
        <translation>取消：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%1 (+%n more job(s))</source>
        <translation>
            <numerusform>%1（另有 %n 个任务）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 %</source>
        <translation>%1：%2%</translation>
    </message>
</context>
<context>
    <name>utad::ui::ThresholdPanel</name>
    <message>
        <location filename="../ui/review/thresholdpanel.cpp" line="+84"/>
        <source>Image score</source>
        <translation>图像异常分数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+66"/>
        <source>Good</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+64"/>
        <source>Defective</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Unlabelled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Drag the black line to move the image threshold (the orange dashed line bounds the uncertain band).</source>
        <translation>拖动黑线可调整图像阈值（橙色虚线为不确定区间的边界）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>False-positive rate</source>
        <translation>误报率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True-positive rate</source>
        <translation>检出率</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Decisions at the threshold</source>
        <translation>该阈值下的判定结果</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Flagged</source>
        <translation>拦截</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passed</source>
        <translation>放行</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Image threshold:</source>
        <translation>图像阈值：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uncertain below</source>
        <translation>不确定下限</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Images scored between the two thresholds are listed apart for manual review.</source>
        <translation>分数介于两个阈值之间的图像将单独列出，供人工复核。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Second threshold:</source>
        <translation>第二阈值：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>F1-max</source>
        <translation>F1-max</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The threshold with the best F1 score on the labelled test images.</source>
        <translation>在已标注测试图像上 F1 分数最高的阈值。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Target FPR on good images</source>
        <translation>合格图像上的目标误报率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The threshold that flags this share of the model&apos;s held-back good training images; needs no labelled defect.</source>
        <translation>使模型保留的合格训练图像中按此比例被拦截的阈值；无需已标注的缺陷。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic:</source>
        <translation>自动：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From calibration</source>
        <translation>来自校准</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+114"/>
        <source>A high quantile of the anomaly-map values on the model&apos;s good images.</source>
        <translation>模型合格图像上异常图数值的高分位数。</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Region outline:</source>
        <translation>区域轮廓：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum area:</source>
        <translation>最小面积：</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The uncertain band starts at the image threshold %1; its end cannot lie below it.</source>
        <translation>不确定区间从图像阈值 %1 开始，其上限不能低于该阈值。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The image threshold the calibration proposes: outlines mark where the map reaches the level that flags an image.</source>
        <translation>校准建议的图像阈值：轮廓标出异常图达到拦截图像所需数值的区域。</translation>
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
            <numerusform>来自校准：介于 %n 张合格图像与绘入缺陷的同一批图像之间。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model scored good images held back from its training, and the same images with painted holes, cracks, torn edges, pasted patches and uneven light. The threshold finds the most painted defects for the fewest good images flagged, a false alarm weighing %1 missed defects.</source>
        <translation>模型对训练时预留的合格图像进行了评分，并对绘入孔洞、裂纹、撕裂边缘、粘贴斑块和不均匀光照的同一批图像进行了评分。该阈值以最少的合格图像误报找出最多的绘入缺陷；一次误报按 %1 次漏检计。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>From calibration: the %1th percentile of %n good image(s).</source>
        <translation>
            <numerusform>来自校准：%n 张合格图像的第 %1 百分位数。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model scored good images held back from its training; the threshold lets this share of them pass.</source>
        <translation>模型对训练时预留的合格图像进行了评分；该阈值使其中这一比例的图像放行。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Best F1 on %n labelled test image(s).</source>
        <translation>
            <numerusform>%n 张已标注测试图像上的最佳 F1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chosen on the labelled test images shown here; check it on parts the model has not seen.</source>
        <translation>基于此处显示的已标注测试图像选定；请在模型未见过的零件上检验。</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Warning: only %n image(s), too few to trust.</source>
        <translation>
            <numerusform>警告：仅 %n 张图像，数量过少，不可信。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calibrate the model on more good images, or label test images.</source>
        <translation>请用更多合格图像校准模型，或标注测试图像。</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Image threshold set by hand.</source>
        <translation>图像阈值为手动设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thresholds as they were saved.</source>
        <translation>阈值为先前保存的值。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Precision %1 · Recall %2
F1 %3 · False-positive rate %4</source>
        <translation>精确率 %1 · 召回率 %2
F1 %3 · 误报率 %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No labelled images: mark images
as good or defective to get metrics.</source>
        <translation>没有已标注的图像：请将图像
标记为合格或缺陷以获得指标。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
Flagged %1 of %2</source>
        <translation>
拦截 %1 / %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · Uncertain %1</source>
        <translation> · 不确定 %1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>F1-max needs labelled good and defective images.</source>
        <translation>F1-max 需要已标注的合格图像和缺陷图像。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>F1-max: threshold %1 gives F1 %2 (precision %3, recall %4) on the labelled images.</source>
        <translation>F1-max：阈值 %1 在已标注图像上的 F1 为 %2（精确率 %3，召回率 %4）。</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>the model&apos;s %n held-back good training image(s)</source>
        <translation>
            <numerusform>模型保留的 %n 张合格训练图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>the %n labelled good test image(s)</source>
        <translation>
            <numerusform>%n 张已标注的合格测试图像</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target FPR needs a model with calibration scores or labelled good images.</source>
        <translation>目标误报率需要带校准分数的模型或已标注的合格图像。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Target FPR %1: threshold %2 from %3.</source>
        <translation>目标误报率 %1：阈值 %2，依据%3。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Warning: %n image(s) are too few to trust this threshold.</source>
        <translation>
            <numerusform>警告：仅有 %n 张图像，数量太少，此阈值不可靠。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>utad::ui::ThumbnailTask</name>
    <message>
        <location filename="../ui/jobs.cpp" line="-20"/>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
</context>
<context>
    <name>utad::ui::TrainOptionsDialog</name>
    <message>
        <location filename="../ui/trainingdialog.cpp" line="+37"/>
        <source>Train a model</source>
        <translation>训练模型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two-stage (IE-Net + Expert-Net)</source>
        <translation>两阶段（IE-Net + Expert-Net）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-stage autoencoder (baseline)</source>
        <translation>单阶段自编码器（基线）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cpu: small networks, minutes on a CPU</source>
        <translation>cpu：小型网络，CPU 上需数分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paper: release-sized networks, for a GPU</source>
        <translation>paper：论文原始规模的网络，适用于 GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optimizer steps of the IE-Net (or of the one-stage autoencoder), each on a batch of tiles</source>
        <translation>IE-Net（或单阶段自编码器）的优化步数，每步使用一个批次的图块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IE-Net steps:</source>
        <translation>IE-Net 步数：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optimizer steps of the Expert-Net (not used by the one-stage autoencoder)</source>
        <translation>Expert-Net 的优化步数（单阶段自编码器不使用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expert-Net steps:</source>
        <translation>Expert-Net 步数：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optimizer steps of the defect segmenter, which learns from defects pasted into good tiles which differences are defects (0: none; not used by the one-stage autoencoder)</source>
        <translation>缺陷分割器的优化步数；它从粘贴到合格图块中的缺陷学习哪些差异是缺陷（0：不使用；单阶段自编码器不使用）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segmenter steps:</source>
        <translation>分割器步数：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Automatic (CUDA when available)</source>
        <translation>自动（有 CUDA 时使用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Random seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Flips, rotations and crops of the training images</source>
        <translation>对训练图像进行翻转、旋转和裁剪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Augmentation:</source>
        <translation>数据增强：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>utad::ui::TrainingDialog</name>
    <message>
        <location line="+47"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starting...</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training image</source>
        <translation>训练图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Impression</source>
        <translation>印象图</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reconstruction</source>
        <translation>重建图</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save model...</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use model</source>
        <translation>使用模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+187"/>
        <source>Stopping after the current batch...</source>
        <translation>将在当前批次完成后停止…</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>elapsed %1</source>
        <translation>已用 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Calibrating on held-back good images...</source>
        <translation>正在用模型保留的合格训练图像校准…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: step %2 of %3, loss %4</source>
        <translation>%1：第 %2 / %3 步，损失 %4</translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>Training stopped after %n step(s), before the end: the model is only partly trained.</source>
        <translation>
            <numerusform>训练在 %n 步后提前停止：模型只完成了部分训练。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Use an incomplete model?</source>
        <translation>使用未完成训练的模型吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training was stopped before it finished. This model has not learnt what a finished one would, and its scores and proposed thresholds can flag good parts or pass defects.

Use it anyway?</source>
        <translation>训练在完成前被停止。该模型没有学到完整训练所应学到的内容，其异常分数和建议阈值可能会拦截合格零件或放行缺陷。

仍然使用吗？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use the incomplete model</source>
        <translation>使用未完成训练的模型</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>elapsed %1, remaining %2</source>
        <translation>已用 %1，剩余 %2</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Training finished. Save the model to keep it.</source>
        <translation>训练完成。请保存模型以便保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training stopped before every network had trained; there is no model to save.</source>
        <translation>训练在所有网络完成训练前已停止；没有可保存的模型。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no trained model to save.</source>
        <translation>没有可保存的已训练模型。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saving to %1...</source>
        <translation>正在保存到 %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saving was stopped.</source>
        <translation>保存已中止。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UTAD models (*.utad)</source>
        <translation>UTAD 模型 (*.utad)</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>optimizer steps</source>
        <translation>优化步数</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>Could not save: %1</source>
        <translation>保存失败：%1</translation>
    </message>
</context>
<context>
    <name>utad::ui::TrainingTask</name>
    <message>
        <location filename="../ui/trainingtask.cpp" line="+8"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>utad::ui::Translation</name>
    <message>
        <location filename="../ui/translation.cpp" line="+101"/>
        <source>Language Changed</source>
        <translation>语言已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used after the workbench restarts. Restart now?

Open projects are closed first; you are asked to save any unsaved changes.</source>
        <translation>新语言将在工作台重启后生效。现在重启吗？

重启前会先关闭打开的项目，并提示您保存未保存的更改。</translation>
    </message>
</context>
</TS>
