<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <source>The station admin</source>
        <translation>站长账户</translation>
    </message>
    <message>
        <source>The station admin (站长) sets up the station and the accounts of the other people who use this PC.</source>
        <translation>站长负责设置村站，并为使用这台电脑的其他人建立账户。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name (for signing in)</source>
        <translation>用户名（登录用）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Write the password down and keep it safe: it cannot be read back.</source>
        <translation>请把密码记下来并妥善保管：密码无法找回。</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Locked the station</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Reset a password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Changed own password</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <source>Set up the station</source>
        <translation>设置村站</translation>
    </message>
    <message>
        <source>Imported regions</source>
        <translation>导入行政区划</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restored a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Enrolled with the city</source>
        <translation>在市服务器登记</translation>
    </message>
    <message>
        <source>account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>village profile</source>
        <translation>村站信息</translation>
    </message>
    <message>
        <source>station</source>
        <translation>村站</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>sync conflict</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>may sign in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>must choose a new password</source>
        <translation>须设置新密码</translation>
    </message>
    <message>
        <source>station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>office hours</source>
        <translation>办公时间</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>更名</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>previous database kept at</source>
        <translation>原数据库保存在</translation>
    </message>
    <message>
        <source>by</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>the station</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>From</source>
        <translation>日期从</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>共 {count} 条</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>The station backs itself up every day and before every upgrade. Backups are kept in {folder}. Copy them to a USB stick now and then.</source>
        <translation>村站每天以及每次升级前都会自动备份。备份保存在 {folder}。请不时把它们复制到U盘上。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore the chosen backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Backup saved: {file}</source>
        <translation>备份已保存：{file}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>请先在列表中选择一个备份。</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>Station databases (*.db)</source>
        <translation>村站数据库 (*.db)</translation>
    </message>
    <message>
        <source>Restore the backup {label}? Everything entered after it was taken will no longer show. The current database is kept in {folder}, so nothing is thrown away. Everyone must sign in again afterwards.</source>
        <translation>要恢复 {label} 的备份吗？备份之后录入的内容将不再显示。当前数据库会保存在 {folder}，不会丢弃任何数据。恢复后所有人需要重新登录。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>The station admin has set a temporary password for you. Choose your own password now.</source>
        <translation>站长为您设置了临时密码，请现在设置您自己的密码。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two new passwords are not the same. Type them again.</source>
        <translation>两次输入的新密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>There is no station database in {folder} yet, so there is nothing to back up.</source>
        <translation>{folder} 中还没有村站数据库，没有可备份的内容。</translation>
    </message>
    <message>
        <source>Backup saved: {path}</source>
        <translation>备份已保存：{path}</translation>
    </message>
    <message>
        <source>Restored {file}.</source>
        <translation>已恢复 {file}。</translation>
    </message>
    <message>
        <source>The database it replaced is kept at {path}.</source>
        <translation>被替换的数据库保存在 {path}。</translation>
    </message>
    <message>
        <source>Enrolled with {server} for {village}.</source>
        <translation>已在 {server} 登记为 {village} 的村站。</translation>
    </message>
    <message>
        <source>Start Village Station to create the station admin's account.</source>
        <translation>请启动村站软件，建立站长账户。</translation>
    </message>
    <message>
        <source>1 conflict to review</source>
        <translation>1 处冲突待处理</translation>
    </message>
    <message>
        <source>{count} conflicts to review</source>
        <translation>{count} 处冲突待处理</translation>
    </message>
    <message>
        <source>sent {sent}, received {received}, {aside} set aside, {conflicts}</source>
        <translation>发送 {sent} 条，接收 {received} 条，{aside} 条被退回，{conflicts}</translation>
    </message>
    <message>
        <source>This station fetched all of the village's records again (a restored or copied database, or a check that did not agree). Changes not yet sent were kept.</source>
        <translation>本站重新获取了本村的全部记录（数据库是恢复或复制来的，或核对结果不一致）。尚未发送的修改都已保留。</translation>
    </message>
    <message>
        <source>This PC's clock is {minutes} minutes off the city server's. Please set the right time.</source>
        <translation>这台电脑的时钟与市服务器相差 {minutes} 分钟，请把时间调准。</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Enroll with the city server</source>
        <translation>在市服务器登记</translation>
    </message>
    <message>
        <source>Type the city server's address and the enrollment code from the city office. A code works once.</source>
        <translation>请输入市服务器地址和市里发放的登记码。每个登记码只能用一次。</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <source>The address starts with https:// (or http://).</source>
        <translation>地址应以 https://（或 http://）开头。</translation>
    </message>
    <message>
        <source>Type the enrollment code.</source>
        <translation>请输入登记码。</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>正在登记…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Please check</source>
        <translation>请检查</translation>
    </message>
    <message>
        <source>Click "Show Details..." to see every line.</source>
        <translation>点击“显示详细信息...”可查看每一行。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. What you saved before is safe. Try again; if it happens again, copy the details below and send them to the city office.</source>
        <translation>出现了意外问题。之前保存的内容不会丢失。请再试一次；如果仍然出错，请复制下面的详细信息发给市志愿服务联合会。</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Lock the station after this long without use</source>
        <translation>无人操作多久后自动锁定</translation>
    </message>
    <message>
        <source>Daily backups to keep</source>
        <translation>保留的每日备份数</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>The station is locked. {name}, enter your password to go on.</source>
        <translation>村站已锁定。{name}，请输入密码继续。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Village Station — {place}</source>
        <translation>村站 — {place}</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>村站信息</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About Village Station</source>
        <translation>关于村站</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Station {id}</source>
        <translation>站点编号 {id}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Demo data — nothing here is real.</source>
        <translation>演示数据——这里的内容都不是真实的。</translation>
    </message>
    <message>
        <source>Village Station {version}
Volunteer and love-hut records for Baicheng's village stations.
Data folder: {folder}</source>
        <translation>村站 {version}
白城市村（社区）志愿服务站与爱心扶贫小屋管理软件。
数据文件夹：{folder}</translation>
    </message>
</context>
<context>
    <name>ProblemWindow</name>
    <message>
        <source>Village Station cannot start</source>
        <translation>村站无法启动</translation>
    </message>
    <message>
        <source>The newest backup was taken on {date}.</source>
        <translation>最近的备份时间是 {date}。</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>恢复最近的备份</translation>
    </message>
    <message>
        <source>There is no backup in this data folder. Ask the city office for help; the damaged file is kept as it is.</source>
        <translation>这个数据文件夹中没有备份。请联系市志愿服务联合会；损坏的文件会原样保留。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Station</source>
        <translation>村站信息</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>所在地</translation>
    </message>
    <message>
        <source>Village profile (shared with the city)</source>
        <translation>村站资料（与市里共享）</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>办公时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Last changed {when} by {who}</source>
        <translation>最后修改：{when}，{who}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>RegionImport</name>
    <message>
        <source>Region list</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}</source>
        <translation>无法读取文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>{added} regions added, {renamed} renamed, {unchanged} unchanged.</source>
        <translation>新增 {added} 个，更名 {renamed} 个，未变 {unchanged} 个。</translation>
    </message>
</context>
<context>
    <name>RegionsTab</name>
    <message>
        <source>The region list comes from the city office. To add townships and villages, import the CSV file they sent (columns: code, name, level, parent code).</source>
        <translation>行政区划由市里统一下发。要添加乡镇和村，请导入市里发来的 CSV 文件（列：代码、名称、级别、上级代码）。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Import region list (CSV)…</source>
        <translation>导入行政区划（CSV）…</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Set a temporary password for {name}. They will choose their own the next time they sign in.</source>
        <translation>为 {name} 设置一个临时密码。对方下次登录时需要设置自己的密码。</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份与恢复</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Village Station</source>
        <translation>设置村站</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Village Station — sign in</source>
        <translation>村站 — 登录</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>请选择您的姓名：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Demo accounts (password {password}):</source>
        <translation>演示账户（密码均为 {password}）：</translation>
    </message>
    <message>
        <source>Choose your name in the list first.</source>
        <translation>请先在列表中选择您的姓名。</translation>
    </message>
</context>
<context>
    <name>StationApp</name>
    <message>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
</context>
<context>
    <name>SyncScheduler</name>
    <message>
        <source>Syncing with the city server…</source>
        <translation>正在与市服务器同步…</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>Not enrolled with the city</source>
        <translation>尚未在市里登记</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Last sync failed ({when})</source>
        <translation>上次同步失败（{when}）</translation>
    </message>
    <message>
        <source>Last sync {when}</source>
        <translation>上次同步 {when}</translation>
    </message>
    <message>
        <source>{count} changes waiting</source>
        <translation>{count} 项待发送</translation>
    </message>
    <message>
        <source>{count} conflicts to review</source>
        <translation>{count} 处冲突待处理</translation>
    </message>
    <message>
        <source>the PC's clock is wrong</source>
        <translation>电脑时钟不准</translation>
    </message>
    <message>
        <source>Sync with the city</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>City server</source>
        <translation>市服务器</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Enroll with the city…</source>
        <translation>在市里登记…</translation>
    </message>
    <message>
        <source>Conflicts to review</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <source>Two PCs changed the same thing before they synced. The later change was kept; look at both values and keep the right one.</source>
        <translation>两台电脑在同步前修改了同一项内容。目前保留的是较晚的修改；请看一下两个值，保留正确的那个。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value now</source>
        <translation>现在的值</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <source>Keep the value now</source>
        <translation>保留现在的值</translation>
    </message>
    <message>
        <source>Keep the other value</source>
        <translation>改用另一个值</translation>
    </message>
    <message>
        <source>Changes the city server refused</source>
        <translation>被市服务器退回的修改</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Not enrolled yet</source>
        <translation>尚未登记</translation>
    </message>
    <message>
        <source>{count} changes</source>
        <translation>{count} 项</translation>
    </message>
    <message>
        <source>This PC's clock is {minutes} minutes off the city server's. Ask someone to set the date and time right.</source>
        <translation>这台电脑的时钟与市服务器相差 {minutes} 分钟。请找人把日期和时间调准。</translation>
    </message>
    <message>
        <source>Enroll again…</source>
        <translation>重新登记…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add a person</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Change account</source>
        <translation>修改账户</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>The person chooses their own password the first time they sign in.</source>
        <translation>对方第一次登录时需要设置自己的密码。</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>Accounts</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Last signed in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
</context>
<context>
    <name>VillagePage</name>
    <message>
        <source>Which village does this station serve?</source>
        <translation>本站服务哪个村（社区）？</translation>
    </message>
    <message>
        <source>Choose the county, township and village or community. If yours is not in the list, import the region list (a CSV file) the city office sent.</source>
        <translation>请选择县（市、区）、乡镇和村（社区）。如果列表里没有，请导入市里发来的行政区划文件（CSV）。</translation>
    </message>
    <message>
        <source>Import region list (CSV)…</source>
        <translation>导入行政区划（CSV）…</translation>
    </message>
</context>
<context>
    <name>VillagePicker</name>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Village or community</source>
        <translation>村（社区）</translation>
    </message>
</context>
<context>
    <name>desktop</name>
    <message>
        <source>The password must have at least {count} characters.</source>
        <translation>密码至少要有 {count} 个字符。</translation>
    </message>
    <message>
        <source>The password must not be one character repeated.</source>
        <translation>密码不能只是同一个字符重复。</translation>
    </message>
    <message>
        <source>"{value}" is not a phone number. Enter an 11-digit mobile number (13912345678) or a landline with its area code (0436-3212345).</source>
        <translation>“{value}”不是有效的电话号码。请输入11位手机号（如 13912345678）或带区号的座机号（如 0436-3212345）。</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>The file is not a text CSV file. Save the spreadsheet as "CSV (comma delimited)" and try again.</source>
        <translation>这个文件不是文本格式的 CSV 文件。请把表格另存为“CSV（逗号分隔）”后再试。</translation>
    </message>
    <message>
        <source>Line {row}: expected 4 columns (code, name, level, parent code), found {count}.</source>
        <translation>第 {row} 行：应有4列（代码、名称、级别、上级代码），实际只有 {count} 列。</translation>
    </message>
    <message>
        <source>Line {row}: "{level}" is not a level. Use county, township, village or community.</source>
        <translation>第 {row} 行：“{level}”不是有效的级别。请填写 县、乡镇、村 或 社区。</translation>
    </message>
    <message>
        <source>Line {row}: the name is empty.</source>
        <translation>第 {row} 行：名称为空。</translation>
    </message>
    <message>
        <source>Line {row}: the city is built in and cannot be imported.</source>
        <translation>第 {row} 行：市级区划已内置，不能导入。</translation>
    </message>
    <message>
        <source>Line {row}: the code "{code}" must be {length} digits for a {level}.</source>
        <translation>第 {row} 行：{level}的代码“{code}”应为 {length} 位数字。</translation>
    </message>
    <message>
        <source>Line {row}: the code {code} is already on line {first}.</source>
        <translation>第 {row} 行：代码 {code} 与第 {first} 行重复。</translation>
    </message>
    <message>
        <source>Line {row}: the parent code "{parent}" is not a known region.</source>
        <translation>第 {row} 行：上级代码“{parent}”不是已知的区划。</translation>
    </message>
    <message>
        <source>Line {row}: a {level} cannot belong to a {parent_level}.</source>
        <translation>第 {row} 行：{level}不能隶属于{parent_level}。</translation>
    </message>
    <message>
        <source>Line {row}: the code {code} does not start with its parent's code {parent}.</source>
        <translation>第 {row} 行：代码 {code} 的开头与上级代码 {parent} 不符。</translation>
    </message>
    <message>
        <source>Line {row}: the code {code} is already a {level}.</source>
        <translation>第 {row} 行：代码 {code} 已经是一个{level}。</translation>
    </message>
    <message>
        <source>{count} line(s) of the file are wrong, so nothing was imported. Correct them and import the file again.</source>
        <translation>文件中有 {count} 行有错误，因此没有导入任何内容。请改正后重新导入。</translation>
    </message>
    <message>
        <source>Station admin</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>Volunteer coordinator</source>
        <translation>志愿服务联络员</translation>
    </message>
    <message>
        <source>Hut manager</source>
        <translation>小屋管理员</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be written to ({reason}). Start the app with --data-dir and a folder you may write to, or ask whoever looks after this PC to give you write access.</source>
        <translation>无法写入数据文件夹 {folder}（{reason}）。请用 --data-dir 指定一个可以写入的文件夹启动，或请电脑管理员开放写入权限。</translation>
    </message>
    <message>
        <source>The data folder {folder} is read-only. Start the app with --data-dir and a folder you may write to.</source>
        <translation>数据文件夹 {folder} 是只读的。请用 --data-dir 指定一个可以写入的文件夹启动。</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>A user name has at most 32 characters and no spaces.</source>
        <translation>用户名最多32个字符，且不能有空格。</translation>
    </message>
    <message>
        <source>Enter the person's name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>这个账户已不存在。</translation>
    </message>
    <message>
        <source>The user name "{username}" is taken. Choose another.</source>
        <translation>用户名“{username}”已被使用，请换一个。</translation>
    </message>
    <message>
        <source>The user name or password is wrong. Check them and try again.</source>
        <translation>用户名或密码错误，请检查后重试。</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Wait {seconds} seconds, then try again.</source>
        <translation>密码错误次数过多。请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>The password is wrong. Wait {seconds} seconds before trying again.</source>
        <translation>密码错误。请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>This is the only active station admin. Make someone else admin first.</source>
        <translation>这是唯一在用的站长账户。请先把其他人设为站长。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>Choose a password different from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this. Ask the station admin.</source>
        <translation>您的角色（{role}）无权进行此操作。请联系站长。</translation>
    </message>
    <message>
        <source>Choose a language from the list.</source>
        <translation>请从列表中选择语言。</translation>
    </message>
    <message>
        <source>The value must be between {low} and {high}.</source>
        <translation>数值应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>This station is already set up.</source>
        <translation>本村站已经设置过了。</translation>
    </message>
    <message>
        <source>Choose the village or community this station serves.</source>
        <translation>请选择本站服务的村（社区）。</translation>
    </message>
    <message>
        <source>Enter the station's name.</source>
        <translation>请输入站点名称。</translation>
    </message>
    <message>
        <source>The backup file {path} does not exist.</source>
        <translation>备份文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The file {path} holds no station data, so it cannot be restored.</source>
        <translation>文件 {path} 中没有村站数据，无法恢复。</translation>
    </message>
    <message>
        <source>not an SQLite database file</source>
        <translation>不是 SQLite 数据库文件</translation>
    </message>
    <message>
        <source>not a Village Station database</source>
        <translation>不是村站数据库</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of Village Station. This version cannot use it and has not changed it. Install the newest version of the app and start it again.</source>
        <translation>数据库 {path} 是由更新版本的村站软件写入的。当前版本无法使用它，也没有改动它。请安装最新版本后再启动。</translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be opened ({reason}). It has not been changed, and it will be kept as it is, so that nothing is thrown away.</source>
        <translation>数据库 {path} 已损坏，无法打开（{reason}）。它没有被改动，并会原样保留，不会丢弃任何数据。</translation>
    </message>
    <message>
        <source>Your account has been switched off. Ask the station admin.</source>
        <translation>您的账户已被停用。请联系站长。</translation>
    </message>
    <message>
        <source>Sending changes to the city server…</source>
        <translation>正在向市服务器发送修改…</translation>
    </message>
    <message>
        <source>Receiving changes from the city server…</source>
        <translation>正在从市服务器接收修改…</translation>
    </message>
    <message>
        <source>Checking that this station and the city server agree…</source>
        <translation>正在核对本站与市服务器的数据是否一致…</translation>
    </message>
    <message>
        <source>Fetching all of the village's records again…</source>
        <translation>正在重新获取本村的全部记录…</translation>
    </message>
    <message>
        <source>This station is not enrolled with the city server yet. Ask the city office for an enrollment code and enroll the station first.</source>
        <translation>本站还没有在市服务器登记。请向市里索取登记码，先完成登记。</translation>
    </message>
    <message>
        <source>The city server at {server} cannot be reached ({reason}). Your changes are kept on this PC and will be sent at the next sync.</source>
        <translation>无法连接市服务器 {server}（{reason}）。您的修改保存在这台电脑上，下次同步时会发送。</translation>
    </message>
    <message>
        <source>This version of Village Station is too old for the city server. Install the new version; until then the station keeps working and keeps your changes. The server says: {message}</source>
        <translation>当前版本的村站软件太旧，市服务器不再接受。请安装新版本；在此之前本站照常工作，您的修改都会保留。服务器的说明：{message}</translation>
    </message>
    <message>
        <source>The city server no longer accepts this station ({message}). The station admin must enroll it again with a new code from the city office. Your changes are kept.</source>
        <translation>市服务器不再接受本站（{message}）。站长需要用市里发放的新登记码重新登记。您的修改都已保留。</translation>
    </message>
    <message>
        <source>The city server does not accept this enrollment code ({message}). Codes work once and expire; ask the city office for a new one.</source>
        <translation>市服务器不接受这个登记码（{message}）。登记码只能用一次且会过期，请向市里索取新的登记码。</translation>
    </message>
    <message>
        <source>The city server at {server} gave an answer this station cannot understand ({detail}). Check the server address; your changes are kept.</source>
        <translation>市服务器 {server} 的回复无法识别（{detail}）。请检查服务器地址；您的修改都已保留。</translation>
    </message>
    <message>
        <source>The city server refused the request ({status}: {message}). Your changes are kept.</source>
        <translation>市服务器拒绝了请求（{status}：{message}）。您的修改都已保留。</translation>
    </message>
    <message>
        <source>This enrollment code is for {village}, but this station serves {ours}. Ask the city office for a code for this station's village.</source>
        <translation>这个登记码属于{village}，而本站服务的是{ours}。请向市里索取本村的登记码。</translation>
    </message>
    <message>
        <source>The city server's answer names no village for this code. Ask the city office.</source>
        <translation>市服务器的回复中没有这个登记码对应的村，请联系市里。</translation>
    </message>
    <message>
        <source>This conflict no longer exists.</source>
        <translation>这处冲突已不存在。</translation>
    </message>
    <message>
        <source>Someone has already settled this conflict.</source>
        <translation>这处冲突已经有人处理了。</translation>
    </message>
    <message>
        <source>The record this conflict is about is not on this station yet. Sync, then try again.</source>
        <translation>本站还没有这处冲突涉及的记录。请先同步，再试一次。</translation>
    </message>
</context>
</TS>