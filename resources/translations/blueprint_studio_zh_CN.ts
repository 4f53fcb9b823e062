<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;Blueprint Studio {version}&lt;/h3&gt;&lt;p&gt;Design, check and export service blueprints.&lt;/p&gt;&lt;p&gt;Python {python}, Qt {qt}, PySide6 {pyside}&lt;/p&gt;&lt;p&gt;MIT licence&lt;/p&gt;</source>
        <translation>&lt;h3&gt;服务蓝图工作室 Blueprint Studio {version}&lt;/h3&gt;&lt;p&gt;设计、检查并导出服务蓝图。&lt;/p&gt;&lt;p&gt;Python {python}，Qt {qt}，PySide6 {pyside}&lt;/p&gt;&lt;p&gt;MIT 许可证&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Blueprint Studio</source>
        <translation>关于服务蓝图工作室</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new blueprint</source>
        <translation>新建一张服务蓝图</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a blueprint file</source>
        <translation>打开服务蓝图文件</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>从模板新建(&amp;T)…</translation>
    </message>
    <message>
        <source>Start from a ready-made blueprint in English or Chinese</source>
        <translation>从现成的中文或英文服务蓝图模板开始</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Interface language and autosave</source>
        <translation>界面语言与自动保存</translation>
    </message>
    <message>
        <source>&amp;About Blueprint Studio</source>
        <translation>关于服务蓝图工作室(&amp;A)</translation>
    </message>
    <message>
        <source>The version and what it runs on</source>
        <translation>版本及运行环境</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save a picture, a process specification, BPMN or Mermaid</source>
        <translation>导出图片、流程说明书、BPMN 或 Mermaid</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Open a CSV or Excel sheet (one step per row, or a layered grid) or a BPMN 2.0 diagram (Camunda, bpmn.io, Signavio…) as a new blueprint</source>
        <translation>把 CSV 或 Excel 表格（每行一个步骤，或分层网格）或 BPMN 2.0 流程图（Camunda、bpmn.io、Signavio…）打开为新的服务蓝图</translation>
    </message>
    <message>
        <source>&amp;Saved Version</source>
        <translation>已保存的版本(&amp;S)</translation>
    </message>
    <message>
        <source>What changed since the file was last saved</source>
        <translation>与上次保存的文件相比改了什么</translation>
    </message>
    <message>
        <source>Another &amp;File…</source>
        <translation>其他文件(&amp;F)…</translation>
    </message>
    <message>
        <source>What changed against another blueprint file</source>
        <translation>与另一个蓝图文件相比改了什么</translation>
    </message>
    <message>
        <source>S&amp;top Comparing</source>
        <translation>停止比较(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Copy as &amp;Image</source>
        <translation>复制为图片(&amp;I)</translation>
    </message>
    <message>
        <source>The selected steps, or the whole blueprint, as a picture</source>
        <translation>将所选步骤（或整张蓝图）复制为图片</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find Step…</source>
        <translation>查找步骤(&amp;F)…</translation>
    </message>
    <message>
        <source>Re&amp;name Step</source>
        <translation>重命名步骤(&amp;N)</translation>
    </message>
    <message>
        <source>Type a new title on the selected card</source>
        <translation>为所选卡片输入新标题</translation>
    </message>
    <message>
        <source>&amp;Insert Step After</source>
        <translation>在后面插入步骤(&amp;I)</translation>
    </message>
    <message>
        <source>A new step after the selected one, in its lane, connected to it</source>
        <translation>在所选步骤之后、同一泳道中新建一个步骤并与之相连</translation>
    </message>
    <message>
        <source>Co&amp;nnect to…</source>
        <translation>连接到(&amp;N)…</translation>
    </message>
    <message>
        <source>Choose the step to connect to with the arrow keys, then Enter</source>
        <translation>用方向键选择要连接的步骤，然后按 Enter</translation>
    </message>
    <message>
        <source>Add Sticky &amp;Note</source>
        <translation>添加便签(&amp;N)</translation>
    </message>
    <message>
        <source>A note beside the selected step, or in the middle of the view</source>
        <translation>在所选步骤旁添加便签，未选中时放在视图中央</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>排列(&amp;A)</translation>
    </message>
    <message>
        <source>Lay the blueprint out automatically</source>
        <translation>自动排列整张蓝图</translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation>图例(&amp;L)</translation>
    </message>
    <message>
        <source>What the lines, shapes, arrows and badges mean</source>
        <translation>各条线、形状、箭头和徽标的含义</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, phase by phase with the arrow keys; Esc ends it</source>
        <translation>全屏逐个阶段展示，用方向键切换；按 Esc 结束</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put the window and its docks back as at first</source>
        <translation>把窗口和各停靠面板恢复到初始位置</translation>
    </message>
    <message>
        <source>&amp;Quick Guide</source>
        <translation>快速指南(&amp;Q)</translation>
    </message>
    <message>
        <source>How to draw, read and move around a blueprint</source>
        <translation>如何绘制、阅读和浏览蓝图</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every command&apos;s keys</source>
        <translation>每个命令的快捷键</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>左对齐(&amp;L)</translation>
    </message>
    <message>
        <source>Align &amp;Centre</source>
        <translation>居中对齐(&amp;C)</translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation>右对齐(&amp;R)</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>顶端对齐(&amp;T)</translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation>底端对齐(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Distribute Horizontally</source>
        <translation>水平等距分布(&amp;D)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Co&amp;mpare With</source>
        <translation>比较(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>BpmnImport</name>
    <message>
        <source>Import BPMN</source>
        <translation>导入 BPMN</translation>
    </message>
    <message>
        <source>BPMN 2.0 files (*.bpmn *.bpmn20.xml *.xml)</source>
        <translation>BPMN 2.0 文件 (*.bpmn *.bpmn20.xml *.xml)</translation>
    </message>
    <message>
        <source>Cannot import the BPMN file</source>
        <translation>无法导入该 BPMN 文件</translation>
    </message>
    <message>
        <source>Imported {name}: {steps} steps, {flows} flows</source>
        <translation>已导入 {name}：{steps} 个步骤，{flows} 条连线</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>Move step</source>
        <translation>移动步骤</translation>
    </message>
    <message>
        <source>Move {count} items</source>
        <translation>移动 {count} 个元素</translation>
    </message>
    <message>
        <source>Not connected: release the arrow over another step&apos;s card</source>
        <translation>未连接：请在另一个步骤的卡片上松开箭头</translation>
    </message>
    <message>
        <source>Not connected: “{source}” already leads to “{target}”</source>
        <translation>未连接：“{source}”已经连到“{target}”</translation>
    </message>
    <message>
        <source>Connect steps</source>
        <translation>连接步骤</translation>
    </message>
    <message>
        <source>Not reconnected: release the end over another step&apos;s card</source>
        <translation>未重新连接：请在另一个步骤的卡片上松开端点</translation>
    </message>
    <message>
        <source>Reconnect flow</source>
        <translation>改接连线</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>新步骤</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Rename step</source>
        <translation>重命名步骤</translation>
    </message>
    <message>
        <source>Two-way interaction</source>
        <extracomment>the validation findings&apos; messages per item id, for the tooltips of their marks</extracomment>
        <translation>双向互动</translation>
    </message>
    <message>
        <source>Channel: {channel}</source>
        <translation>渠道：{channel}</translation>
    </message>
    <message>
        <source>Connect: choose the target with the arrow keys, Enter connects, Esc cancels</source>
        <translation>连接：用方向键选择目标，Enter 连接，Esc 取消</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Not connected: choose another step</source>
        <translation>未连接：请选择另一个步骤</translation>
    </message>
</context>
<context>
    <name>CardTips</name>
    <message>
        <source>{name}: {value} (target value {target})</source>
        <translation>{name}：{value}（目标值 {target}）</translation>
    </message>
    <message>
        <source>Fail point: where the service is likely to go wrong</source>
        <translation>失误点：服务容易出错的地方</translation>
    </message>
    <message>
        <source>Moment of truth: a contact that shapes the customer&apos;s opinion</source>
        <translation>关键时刻：决定顾客看法的接触</translation>
    </message>
    <message>
        <source>Wait, or expected time over the target</source>
        <translation>等待，或预计用时超出时限目标</translation>
    </message>
    <message>
        <source>Customer&apos;s emotion: {value} (from −2 to +2)</source>
        <translation>顾客情绪：{value}（−2 到 +2）</translation>
    </message>
    <message>
        <source>Policy: {text}</source>
        <translation>政策：{text}</translation>
    </message>
    <message>
        <source>Metrics:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Error found by the checks</source>
        <translation>检查发现错误</translation>
    </message>
    <message>
        <source>Warning found by the checks</source>
        <translation>检查发现警告</translation>
    </message>
    <message>
        <source>Note from the checks</source>
        <translation>检查提示</translation>
    </message>
    <message>
        <source>View ▸ Problems lists every finding</source>
        <translation>视图 ▸ 问题 列出全部检查结果</translation>
    </message>
    <message>
        <source>Customer-independent work: done regardless of any one customer, below the line of order penetration</source>
        <translation>与顾客无关的工作：不针对某一位顾客而做，位于订单渗透线以下</translation>
    </message>
    <message>
        <source>Tolerance: {n} min</source>
        <translation>容忍时限：{n} 分钟</translation>
    </message>
    <message>
        <source>Cost: {cost}</source>
        <translation>成本：{cost}</translation>
    </message>
</context>
<context>
    <name>CellPaste</name>
    <message>
        <source>Pasted {count} steps.</source>
        <translation>已粘贴 {count} 个步骤。</translation>
    </message>
    <message>
        <source>Skipped {count} rows naming no lane of this blueprint: {names}</source>
        <translation>跳过了 {count} 行，这些行的泳道名称在本蓝图中不存在：{names}</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Changes</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Choose File ▸ Compare With to see what changed.</source>
        <translation>选择“文件 ▸ 比较”查看改了什么。</translation>
    </message>
    <message>
        <source>Compared with {name}: {summary}</source>
        <translation>与{name}相比：{summary}</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Keep Ours</source>
        <translation>保留我方</translation>
    </message>
    <message>
        <source>Take Theirs</source>
        <translation>采用对方</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Keep the value the file holds now (our side)</source>
        <translation>保留文件中现在的取值（我方）</translation>
    </message>
    <message>
        <source>Use the value of the other side of the merge</source>
        <translation>采用合并另一方的取值</translation>
    </message>
    <message>
        <source>Type the value to keep</source>
        <translation>输入要保留的取值</translation>
    </message>
    <message>
        <source>{count} unresolved merge conflict(s): choose a side for each.</source>
        <translation>有 {count} 处未解决的合并冲突：请逐一选择采用哪一方。</translation>
    </message>
    <message>
        <source>No merge conflicts.</source>
        <translation>没有合并冲突。</translation>
    </message>
    <message>
        <source>Conflicts ({count})</source>
        <translation>冲突（{count}）</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>解决冲突</translation>
    </message>
    <message>
        <source>A deleted item can only be kept or taken from theirs.</source>
        <translation>被删除的项目只能保留我方或采用对方。</translation>
    </message>
    <message>
        <source>Edit the value</source>
        <translation>编辑取值</translation>
    </message>
    <message>
        <source>Not a value: {reason}</source>
        <translation>不是有效的取值：{reason}</translation>
    </message>
</context>
<context>
    <name>ContextMenu</name>
    <message>
        <source>Step kind</source>
        <translation>步骤类型</translation>
    </message>
    <message>
        <source>Flow kind</source>
        <translation>连线类型</translation>
    </message>
    <message>
        <source>Change kind</source>
        <translation>更改类型</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Blueprint Studio ran into an unexpected problem. Your documents are still open: save your work, then you may carry on or restart.</source>
        <translation>服务蓝图工作室遇到了意外问题。您的文档仍然打开着：请先保存工作，然后可以继续使用或重新启动。</translation>
    </message>
    <message>
        <source>A recovery copy of {count} unsaved document(s) was written.</source>
        <translation>已为 {count} 个未保存的文档写入恢复副本。</translation>
    </message>
    <message>
        <source>The report was also written to {path}</source>
        <translation>报告也已写入 {path}</translation>
    </message>
    <message>
        <source>Copy Report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “{name}” before closing it?</source>
        <translation>关闭前是否保存对“{name}”的更改？</translation>
    </message>
    <message>
        <source>Blueprints (*.blueprint.json *.json);;All files (*)</source>
        <translation>服务蓝图 (*.blueprint.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open blueprint</source>
        <translation>打开服务蓝图</translation>
    </message>
    <message>
        <source>Save blueprint as</source>
        <translation>服务蓝图另存为</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>导出为</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>“{name}” already exists. Replace it?</source>
        <translation>“{name}”已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Delete the lane?</source>
        <translation>删除泳道？</translation>
    </message>
    <message>
        <source>The lane “{title}” holds {count} cards; they are deleted with it, with their arrows. Edit ▸ Undo brings them back.</source>
        <translation>泳道“{title}”中有 {count} 张卡片，它们会连同箭头一起被删除。编辑 ▸ 撤销 可以恢复。</translation>
    </message>
</context>
<context>
    <name>EditCommands</name>
    <message>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <source>The clipboard holds no blueprint steps.</source>
        <translation>剪贴板中没有服务蓝图步骤。</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Cannot paste: {reason}</source>
        <translation>无法粘贴：{reason}</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加便签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>便签</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Put the picture (or the text) on the clipboard</source>
        <translation>将图片（或文本）放到剪贴板</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>正在导出 {name}…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>{name} was not written: {reason}</source>
        <translation>未能写入 {name}：{reason}</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>正在复制…</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>无法复制</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>Not enough memory; choose a smaller scale, or export SVG or PDF.</source>
        <translation>内存不足；请选择较小的缩放比例，或导出 SVG 或 PDF。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
</context>
<context>
    <name>ExportOptions</name>
    <message>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>SVG vector image</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Process specification (Markdown)</source>
        <translation>流程说明书（Markdown）</translation>
    </message>
    <message>
        <source>Process specification (web page)</source>
        <translation>流程说明书（网页）</translation>
    </message>
    <message>
        <source>Steps table (CSV, for spreadsheets)</source>
        <translation>步骤表（CSV，用于电子表格）</translation>
    </message>
    <message>
        <source>Steps table (Excel workbook)</source>
        <translation>步骤表（Excel 工作簿）</translation>
    </message>
    <message>
        <source>BPMN 2.0 process</source>
        <translation>BPMN 2.0 流程</translation>
    </message>
    <message>
        <source>Mermaid flowchart</source>
        <translation>Mermaid 流程图</translation>
    </message>
</context>
<context>
    <name>ExportOptionsForm</name>
    <message>
        <source>Title block</source>
        <translation>标题栏</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Validation marks</source>
        <translation>校验标记</translation>
    </message>
    <message>
        <source>Mark each card and flow with its worst finding</source>
        <translation>在每张卡片和每条连线上标出其最严重的问题</translation>
    </message>
    <message>
        <source>Pixels per point of the canvas: 2 is sharp on slides</source>
        <translation>画布上每一点对应的像素数：2 倍在幻灯片上清晰</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>透明背景</translation>
    </message>
    <message>
        <source>The diagram&apos;s own size</source>
        <translation>与图表同尺寸</translation>
    </message>
    <message>
        <source>{page}, landscape</source>
        <translation>{page}，横向</translation>
    </message>
    <message>
        <source>The blueprint&apos;s ({language})</source>
        <translation>蓝图自身的语言（{language}）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>包含：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>Background:</source>
        <translation>背景：</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>页面：</translation>
    </message>
    <message>
        <source>Fixed words in:</source>
        <translation>固定用语语言：</translation>
    </message>
    <message>
        <source>The whole blueprint</source>
        <translation>整张蓝图</translation>
    </message>
    <message>
        <source>The selection (nothing selected)</source>
        <translation>所选内容（未选择任何内容）</translation>
    </message>
    <message>
        <source>The selection (1 item)</source>
        <translation>所选内容（1 项）</translation>
    </message>
    <message>
        <source>The selection ({count} items)</source>
        <translation>所选内容（{count} 项）</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>The first phase comes after the last one; choose them in order.</source>
        <translation>起始阶段位于结束阶段之后，请按顺序选择。</translation>
    </message>
</context>
<context>
    <name>ExportPreview</name>
    <message>
        <source>(the diagram is in the file)</source>
        <translation>（图示在导出的文件中）</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find a step by text</source>
        <translation>按文字查找步骤</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配项（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配项（Enter）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>无匹配项</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>第 {n} 个，共 {total} 个</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Blueprint Studio in two minutes&lt;/h2&gt;&lt;p&gt;A service blueprint shows one service from the customer&apos;s side: &lt;b&gt;lanes&lt;/b&gt; from physical evidence at the top to support processes at the bottom, &lt;b&gt;phases&lt;/b&gt; from left to right, and &lt;b&gt;steps&lt;/b&gt; (cards) joined by &lt;b&gt;arrows&lt;/b&gt;.&lt;/p&gt;&lt;h3&gt;Draw&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Add a step&lt;/b&gt;: double-click empty space in a lane, or drag a kind from the Steps palette. The phase under the mouse gets it and widens if needed.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Rename&lt;/b&gt;: double-click the card or press F2; Enter keeps, Esc cancels.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Connect&lt;/b&gt;: drag from a card&apos;s blue handle (right edge) to another card.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Move&lt;/b&gt;: drag cards; a card never lands on another.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Delete&lt;/b&gt;: select and press Delete. Every edit can be undone (Ctrl+Z).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Read&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Hover a badge or mark on a card to learn what it means; View ▸ Legend shows them all, as the exports do.&lt;/li&gt;&lt;li&gt;The Properties dock edits the selection: the step&apos;s fields, its standards, fail point, moment of truth and the customer&apos;s emotion.&lt;/li&gt;&lt;li&gt;View ▸ Problems lists what the checks found; double-click one to go there.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Move around&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Ctrl+wheel or +/- zooms, Ctrl+0 fits the blueprint, the middle button or Space+drag pans, Ctrl+F finds a step.&lt;/li&gt;&lt;li&gt;View ▸ Reset Layout puts the docks back where they started.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Help ▸ Keyboard Shortcuts lists every key.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;两分钟上手服务蓝图工作室&lt;/h2&gt;&lt;p&gt;服务蓝图从顾客的角度展示一项服务：&lt;b&gt;泳道&lt;/b&gt;自上而下从有形展示到支持过程，&lt;b&gt;阶段&lt;/b&gt;从左到右，&lt;b&gt;步骤&lt;/b&gt;（卡片）之间用&lt;b&gt;箭头&lt;/b&gt;相连。&lt;/p&gt;&lt;h3&gt;绘制&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;添加步骤&lt;/b&gt;：在泳道的空白处双击，或从“步骤”面板拖入一种步骤。鼠标所在的阶段会接收它，需要时自动加宽。&lt;/li&gt;&lt;li&gt;&lt;b&gt;重命名&lt;/b&gt;：双击卡片或按 F2；Enter 确认，Esc 取消。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连接&lt;/b&gt;：从卡片右边缘的蓝色手柄拖到另一张卡片。&lt;/li&gt;&lt;li&gt;&lt;b&gt;移动&lt;/b&gt;：拖动卡片；卡片不会叠在另一张卡片上。&lt;/li&gt;&lt;li&gt;&lt;b&gt;删除&lt;/b&gt;：选中后按 Delete。每次编辑都可以撤销（Ctrl+Z）。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;阅读&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;把鼠标停在卡片的徽标或标记上即可看到它的含义；视图 ▸ 图例 与导出图片一样列出全部标记。&lt;/li&gt;&lt;li&gt;“属性”面板编辑所选内容：步骤的各个字段、标准、失误点、关键时刻和顾客情绪。&lt;/li&gt;&lt;li&gt;视图 ▸ 问题 列出检查发现的问题；双击一条即可跳转过去。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;浏览&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Ctrl+滚轮或 +/- 缩放，Ctrl+0 适应窗口，按住中键或空格+拖动平移，Ctrl+F 查找步骤。&lt;/li&gt;&lt;li&gt;视图 ▸ 重置布局 把各停靠面板放回初始位置。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;帮助 ▸ 键盘快捷键 列出全部快捷键。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keyboard, overview, workshops&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Arrow keys select the neighbouring card, Alt+arrows move it, Tab follows the arrows, Insert adds a connected step after it, Ctrl+K then arrows and Enter connects it.&lt;/li&gt;&lt;li&gt;Arrange ▸ Align lines the selected cards up; View ▸ Overview shows the whole blueprint, click it to go there.&lt;/li&gt;&lt;li&gt;View ▸ Presentation (F5) shows one phase at a time, full screen; Esc ends it.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;键盘、概览与工作坊&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;方向键选择相邻的卡片，Alt+方向键移动卡片，Tab 沿箭头前进，Insert 在其后添加一个相连的步骤，Ctrl+K 再用方向键和 Enter 建立连接。&lt;/li&gt;&lt;li&gt;排列 ▸ 对齐 把所选卡片排齐；视图 ▸ 全局概览 显示整张蓝图，点击即可跳转。&lt;/li&gt;&lt;li&gt;视图 ▸ 演示模式（F5）全屏逐个阶段展示；按 Esc 结束。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Quick Guide</source>
        <translation>快速指南</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>{label} (saved)</source>
        <translation>{label}（已保存）</translation>
    </message>
    <message>
        <source>The state last saved</source>
        <translation>上次保存时的状态</translation>
    </message>
</context>
<context>
    <name>ImportFile</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Sheets and BPMN (*.csv *.tsv *.txt *.xlsx *.bpmn *.xml);;Sheets (*.csv *.tsv *.txt *.xlsx);;BPMN 2.0 (*.bpmn *.xml);;All files (*)</source>
        <translation>表格和 BPMN (*.csv *.tsv *.txt *.xlsx *.bpmn *.xml);;表格 (*.csv *.tsv *.txt *.xlsx);;BPMN 2.0 (*.bpmn *.xml);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ImportSheet</name>
    <message>
        <source>Columns of the sheet</source>
        <translation>表格的列</translation>
    </message>
    <message>
        <source>Which field does each of these columns hold? The answer is remembered for the next sheet with the same headers.</source>
        <translation>这些列分别是哪个字段？回答会被记住，下次遇到相同表头的表格时直接使用。</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Import a sheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Sheets (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Which sheet of the workbook?</source>
        <translation>导入工作簿中的哪一张工作表？</translation>
    </message>
    <message>
        <source>Cannot import the sheet</source>
        <translation>无法导入表格</translation>
    </message>
    <message>
        <source>Imported with remarks</source>
        <translation>导入完成，有未导入的内容</translation>
    </message>
    <message>
        <source>{name}: {steps} steps imported; {skipped} values left out.</source>
        <translation>{name}：已导入 {steps} 个步骤；{skipped} 个值未导入。</translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Standard lane: can be renamed, not deleted</source>
        <translation>标准泳道：可以重命名，不能删除</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>新泳道</translation>
    </message>
    <message>
        <source>Phase {n}</source>
        <translation>阶段 {n}</translation>
    </message>
    <message>
        <source>Add lane</source>
        <translation>添加泳道</translation>
    </message>
    <message>
        <source>Add phase</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>Move lane</source>
        <translation>移动泳道</translation>
    </message>
    <message>
        <source>Move phase</source>
        <translation>移动阶段</translation>
    </message>
    <message>
        <source>Delete lane</source>
        <translation>删除泳道</translation>
    </message>
    <message>
        <source>Delete phase</source>
        <translation>删除阶段</translation>
    </message>
</context>
<context>
    <name>JourneyStatus</name>
    <message>
        <source>No customer journey</source>
        <translation>没有顾客旅程</translation>
    </message>
    <message>
        <source>No start step leads to an end step along the customer&apos;s process, so there is no journey to time (a layered blueprint without arrows has none).</source>
        <translation>顾客的流程中没有从开始步骤通向结束步骤的路径，因此没有可计时的旅程（不画箭头的分层式蓝图没有旅程）。</translation>
    </message>
    <message>
        <source>Journey {total}</source>
        <translation>旅程 {total}</translation>
    </message>
    <message>
        <source>Journey {total}, over the {target} target</source>
        <translation>旅程 {total}，超过 {target} 的目标</translation>
    </message>
    <message>
        <source>Journey {total} (target {target})</source>
        <translation>旅程 {total}（目标 {target}）</translation>
    </message>
    <message>
        <source>The customer&apos;s journey, {count} steps (click to select them):</source>
        <translation>顾客旅程，共 {count} 个步骤（点击可选中）：</translation>
    </message>
</context>
<context>
    <name>KindList</name>
    <message>
        <source>Drag onto a lane, or click here and then in a lane; double-click adds one at the end</source>
        <translation>拖到泳道上；或先点这里、再点泳道；双击则添加到该泳道末尾</translation>
    </message>
</context>
<context>
    <name>LaneKindDialog</name>
    <message>
        <source>Import BPMN: lanes</source>
        <translation>导入 BPMN：泳道</translation>
    </message>
    <message>
        <source>The names of these lanes do not say which part of the service they are. Choose one for each; the choice is remembered for the next import.</source>
        <translation>从这些泳道的名称看不出它们属于服务的哪一部分。请为每条泳道选择一项；下次导入时会沿用这些选择。</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>未导入的内容：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Untitled blueprint</source>
        <extracomment>The current session&apos;s canvas, made afresh by :meth:`_show_session` (from ``__init__`` on).</extracomment>
        <translation>未命名服务蓝图</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>自动保存失败：{reason}</translation>
    </message>
    <message>
        <source>Double-click in a lane to add a step, or drag one from the Steps palette; drag from a card&apos;s handle to connect it</source>
        <translation>在泳道中双击添加步骤，或从“步骤”面板拖入；从卡片的连接柄拖出即可连线</translation>
    </message>
    <message>
        <source>&amp;Undo {label}</source>
        <translation>撤销“{label}”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {label}</source>
        <translation>重做“{label}”(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cannot open the blueprint</source>
        <translation>无法打开服务蓝图</translation>
    </message>
    <message>
        <source>The blueprint has not been saved yet</source>
        <translation>蓝图尚未保存</translation>
    </message>
    <message>
        <source>the saved version</source>
        <translation>已保存的版本</translation>
    </message>
    <message>
        <source>Cannot compare with this file</source>
        <translation>无法与此文件比较</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>Cannot save the blueprint</source>
        <translation>无法保存服务蓝图</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Select one step to insert after</source>
        <translation>请选择一个步骤，在其后插入</translation>
    </message>
    <message>
        <source>Select one step to connect from</source>
        <translation>请选择一个作为起点的步骤</translation>
    </message>
    <message>
        <source>Click in a lane to place the step (Esc cancels)</source>
        <translation>在泳道中单击放置步骤（按 Esc 取消）</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Arranging {count} steps…</source>
        <translation>正在排列 {count} 个步骤…</translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation>排列</translation>
    </message>
    <message>
        <source>Align steps</source>
        <translation>对齐步骤</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>等距分布</translation>
    </message>
    <message>
        <source>Select at least {n} steps to line up</source>
        <translation>请至少选择 {n} 个步骤</translation>
    </message>
</context>
<context>
    <name>OverviewDock</name>
    <message>
        <source>Overview</source>
        <translation>全局概览</translation>
    </message>
</context>
<context>
    <name>PaletteDock</name>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
</context>
<context>
    <name>PictureClipboard</name>
    <message>
        <source>Copying the picture…</source>
        <translation>正在复制图片…</translation>
    </message>
    <message>
        <source>Cannot copy the picture: {reason}</source>
        <translation>无法复制图片：{reason}</translation>
    </message>
    <message>
        <source>the selection</source>
        <translation>所选内容</translation>
    </message>
    <message>
        <source>the blueprint</source>
        <translation>蓝图</translation>
    </message>
    <message>
        <source>Copied a {width} × {height} picture of {what}</source>
        <translation>已复制{what}的 {width} × {height} 图片</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <extracomment>Languages by their own name, so anyone can find theirs whatever the interface shows now.</extracomment>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Follow the system ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>A new language applies at once: the windows are rebuilt in it, with your documents, their undo history and unsaved changes as they are.</source>
        <translation>新的界面语言立即生效：窗口会以新语言重建，文档、撤销历史和未保存的更改都保持原样。</translation>
    </message>
    <message>
        <source>The BLUEPRINT_LANG environment variable is set: it overrides this choice.</source>
        <translation>已设置环境变量 BLUEPRINT_LANG，它会覆盖此处的选择。</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation>自动保存间隔：</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Drawing the preview…</source>
        <translation>正在绘制预览…</translation>
    </message>
    <message>
        <source>The preview could not be drawn: {reason}</source>
        <translation>无法绘制预览：{reason}</translation>
    </message>
    <message>
        <source>At this scale the image would be {width} × {height} pixels, too large to make; choose a smaller scale, or export SVG or PDF.</source>
        <translation>按此缩放比例，图片将为 {width} × {height} 像素，过大无法生成；请选择较小的缩放比例，或导出 SVG 或 PDF。</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>约 {size} KB</translation>
    </message>
    <message>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} 像素</translation>
    </message>
    <message>
        <source>One {page} landscape page</source>
        <translation>一页 {page} 横向</translation>
    </message>
    <message>
        <source>One page, {width} × {height} mm</source>
        <translation>一页，{width} × {height} 毫米</translation>
    </message>
    <message>
        <source>Vector drawing, {width} × {height}</source>
        <translation>矢量图，{width} × {height}</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>涉及元素</translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation>问题（{count}）</translation>
    </message>
    <message>
        <source>{n} info</source>
        <translation>{n} 条提示</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <source>{n} errors</source>
        <translation>{n} 个错误</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 个警告</translation>
    </message>
    <message>
        <source>{n} warnings</source>
        <translation>{n} 个警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>PropertyPanel</name>
    <message>
        <source>A time cannot be negative.</source>
        <translation>时间不能为负数。</translation>
    </message>
    <message>
        <source>Write the units largest first, each once: 1 h 30 min.</source>
        <translation>单位请从大到小写，每个只写一次：1 小时 30 分钟。</translation>
    </message>
    <message>
        <source>Longer than a blueprint can hold (1,000,000,000 minutes).</source>
        <translation>超过了蓝图能保存的最长时间（10 亿分钟）。</translation>
    </message>
    <message>
        <source>Not a time. Type e.g. 90 s, 45 min, 1 h 30 min, 1:30 or 2 d; a plain number is minutes.</source>
        <translation>无法识别的时间。可输入 90 秒、45 分钟、1 小时 30 分钟、1:30 或 2 天；只写数字表示分钟。</translation>
    </message>
    <message>
        <source>Enter a number ≥ 0, e.g. 12.50</source>
        <translation>请输入不小于 0 的数字，例如 12.50</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Add a metric</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>Remove the selected metrics</source>
        <translation>删除所选指标</translation>
    </message>
    <message>
        <source>Enter the value as a number, e.g. 45 or -2.5</source>
        <translation>请输入数字，例如 45 或 -2.5</translation>
    </message>
    <message>
        <source>New metric</source>
        <translation>新指标</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>执行者</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>服务标准</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始步骤</translation>
    </message>
    <message>
        <source>To</source>
        <translation>目标步骤</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation>关联到</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>服务场景</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— 未设置 —</translation>
    </message>
    <message>
        <source>−2 very negative</source>
        <translation>−2 非常负面</translation>
    </message>
    <message>
        <source>−1 negative</source>
        <translation>−1 负面</translation>
    </message>
    <message>
        <source>0 neutral</source>
        <translation>0 中性</translation>
    </message>
    <message>
        <source>+1 positive</source>
        <translation>+1 正面</translation>
    </message>
    <message>
        <source>+2 very positive</source>
        <translation>+2 非常正面</translation>
    </message>
    <message>
        <source>Work done regardless of any one customer: buying supplies, baking tomorrow&apos;s bread, training, cleaning after closing. It lies below the line of order penetration (Fließ &amp; Kleinaltenkamp) and is not part of a customer&apos;s journey.</source>
        <translation>不针对某一位顾客而做的工作：采购物料、烘焙明天的面包、培训、打烊后的清洁。它位于订单渗透线以下（Fließ 与 Kleinaltenkamp），不属于顾客的服务过程。</translation>
    </message>
    <message>
        <source>Policy, cost and metrics</source>
        <translation>政策、成本与指标</translation>
    </message>
    <message>
        <source>Actor and channel</source>
        <translation>执行者与渠道</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>— no phase —</source>
        <translation>— 无阶段 —</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>{count} items selected</source>
        <translation>已选择 {count} 项</translation>
    </message>
    <message>
        <source>Change {field} of “{item}”</source>
        <translation>修改“{item}”的{field}</translation>
    </message>
    <message>
        <source>Change {field}</source>
        <translation>修改{field}</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>a document never saved</source>
        <translation>从未保存过的文档</translation>
    </message>
    <message>
        <source>Blueprint Studio closed unexpectedly. Unsaved work on “{title}” ({where}) was recovered from {time}.</source>
        <translation>服务蓝图工作室意外关闭。已从 {time} 的副本中找回“{title}”（{where}）中未保存的工作。</translation>
    </message>
    <message>
        <source>Open it to keep working, save it to a file of its own, or discard it.</source>
        <translation>您可以打开它继续工作、另存为单独的文件，或者丢弃它。</translation>
    </message>
    <message>
        <source>Open It</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save It Elsewhere…</source>
        <translation>另存到别处…</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Cannot recover the document</source>
        <translation>无法恢复文档</translation>
    </message>
    <message>
        <source>Cannot save the recovered document</source>
        <translation>无法保存恢复的文档</translation>
    </message>
</context>
<context>
    <name>SafeSave</name>
    <message>
        <source>File changed on disk</source>
        <translation>文件已在磁盘上被更改</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program since you opened or last saved it.</source>
        <translation>自您打开或上次保存以来，“{name}”已被其他程序修改。</translation>
    </message>
    <message>
        <source>Overwrite replaces those changes with yours; Save As keeps both files.</source>
        <translation>“覆盖”会用您的版本替换那些修改；“另存为”会保留两个文件。</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Your document is still open and unsaved. Save it somewhere else?</source>
        <translation>您的文档仍然打开且尚未保存。要保存到别处吗？</translation>
    </message>
    <message>
        <source>Save Elsewhere…</source>
        <translation>保存到别处…</translation>
    </message>
</context>
<context>
    <name>StatusInfo</name>
    <message>
        <source>Zoom {percent}%</source>
        <translation>缩放 {percent}%</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择任何内容</translation>
    </message>
    <message>
        <source>Selected: {title}</source>
        <translation>已选择：{title}</translation>
    </message>
    <message>
        <source>{count} selected</source>
        <translation>已选择 {count} 项</translation>
    </message>
</context>
<context>
    <name>StepTable</name>
    <message>
        <source>No lane of that name.</source>
        <translation>没有这个名称的泳道。</translation>
    </message>
    <message>
        <source>No phase of that name.</source>
        <translation>没有这个名称的阶段。</translation>
    </message>
    <message>
        <source>No kind of step of that name.</source>
        <translation>没有这个名称的步骤类型。</translation>
    </message>
    <message>
        <source>Type yes or no.</source>
        <translation>请输入“是”或“否”。</translation>
    </message>
    <message>
        <source>Type a whole number from -2 to 2.</source>
        <translation>请输入 -2 到 2 之间的整数。</translation>
    </message>
    <message>
        <source>This column cannot be typed in.</source>
        <translation>这一列不能直接输入。</translation>
    </message>
    <message>
        <source>Table</source>
        <extracomment>Keys the table needs for itself while it has the focus, whatever the window binds to them.</extracomment>
        <translation>表格</translation>
    </message>
    <message>
        <source>Filter steps…</source>
        <translation>筛选步骤…</translation>
    </message>
    <message>
        <source>Any marker</source>
        <translation>任意标记</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>A new step in the lane and phase of the current row</source>
        <translation>在当前行的泳道和阶段中新建一个步骤</translation>
    </message>
    <message>
        <source>All lanes</source>
        <translation>全部泳道</translation>
    </message>
    <message>
        <source>All phases</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>{count} cells were not pasted. Row {row}, {column}: {reason}</source>
        <translation>有 {count} 个单元格未粘贴。第 {row} 行，{column}：{reason}</translation>
    </message>
</context>
<context>
    <name>StructurePanel</name>
    <message>
        <source>Lanes and phases</source>
        <translation>泳道与阶段</translation>
    </message>
    <message>
        <source>Lanes (top to bottom)</source>
        <translation>泳道（自上而下）</translation>
    </message>
    <message>
        <source>Phases (left to right)</source>
        <translation>阶段（从左到右）</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>New from Template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>全部语言</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>No template in this language.</source>
        <translation>没有这种语言的模板。</translation>
    </message>
    <message>
        <source>Cannot open the template</source>
        <translation>无法打开模板</translation>
    </message>
</context>
</TS>
