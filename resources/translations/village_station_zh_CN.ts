<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesView</name>
    <message>
        <source>Volunteer service activities</source>
        <translation>志愿服务活动</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>On roster</source>
        <translation>排班人数</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>到场人数</translation>
    </message>
    <message>
        <source>New activity…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Plan volunteer days…</source>
        <translation>安排志愿服务日…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Cancel activity</source>
        <translation>取消活动</translation>
    </message>
    <message>
        <source>Roster and sign-in…</source>
        <translation>排班与签到…</translation>
    </message>
    <message>
        <source>Print sign-in sheet…</source>
        <translation>打印签到表…</translation>
    </message>
    <message>
        <source>Households trained…</source>
        <translation>培训的帮扶对象…</translation>
    </message>
    <message>
        <source>Close and record hours…</source>
        <translation>结束活动并登记服务时长…</translation>
    </message>
    <message>
        <source>“{title}” is on {date}: it can be closed, and its hours recorded, on that day or later.</source>
        <translation>“{title}”在 {date} 开展：当天或之后才能结束并记录服务时长。</translation>
    </message>
    <message>
        <source>Nobody is ticked as having come yet: tick who came under “Roster and sign-in” before closing, or cancel the activity.</source>
        <translation>还没有勾选到场的人：请先在“排班与签到”里勾选到场的人再结束活动，或者取消这次活动。</translation>
    </message>
    <message>
        <source>Saved “{title}” on {date}. Choose “All” under Show and “Any status” under Status to see it.</source>
        <translation>已保存 {date} 的“{title}”。请在“显示”中选择“全部”，在“状态”中选择“全部状态”查看。</translation>
    </message>
    <message>
        <source>Activities planned: {count}.</source>
        <translation>已安排活动 {count} 个。</translation>
    </message>
    <message>
        <source>Passed over, as they have a volunteer day already: {dates}.</source>
        <translation>以下日期已有志愿服务日，已跳过：{dates}。</translation>
    </message>
    <message>
        <source>Cancel “{title}” on {date}? It stays in the list, marked cancelled, and no hours are recorded for it.</source>
        <translation>确定取消 {date} 的“{title}”吗？该活动仍会留在列表中，标记为已取消，不会为它登记服务时长。</translation>
    </message>
    <message>
        <source>Close “{title}” and record the hours? People who came: {people}. Hours to record: {total} in all. Closing cannot be undone: afterwards the activity and its sign-in cannot be changed.</source>
        <translation>确定结束“{title}”并登记服务时长吗？到场人数：{people}。要登记的服务时长：共 {total}。结束后无法撤销：活动信息和签到都不能再修改。</translation>
    </message>
    <message>
        <source>Close and record hours</source>
        <translation>结束活动并登记服务时长</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>结束活动</translation>
    </message>
    <message>
        <source>“{title}” is closed. People credited: {people}; hours recorded: {total}.</source>
        <translation>“{title}”已结束。登记时长的人数：{people}；登记的服务时长：{total}。</translation>
    </message>
    <message>
        <source>Sign-in sheet {date} {title}.pdf</source>
        <translation>签到表 {date} {title}.pdf</translation>
    </message>
    <message>
        <source>Activities.xlsx</source>
        <translation>志愿服务活动.xlsx</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>志愿服务活动</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Change activity</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>不指定志愿服务队</translation>
    </message>
    <message>
        <source>Who or which households were trained</source>
        <translation>培训对象（人员或农户）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Organising team</source>
        <translation>组织志愿服务队</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>活动说明</translation>
    </message>
</context>
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
        <source>Looked at a full ID number</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <source>Merged duplicate volunteers</source>
        <translation>合并重复记录</translation>
    </message>
    <message>
        <source>Imported volunteers</source>
        <translation>导入志愿者</translation>
    </message>
    <message>
        <source>Opened health and disability notes</source>
        <translation>查看了健康和残疾情况</translation>
    </message>
    <message>
        <source>Merged a household registered twice</source>
        <translation>合并了重复登记的帮扶对象</translation>
    </message>
    <message>
        <source>Imported households</source>
        <translation>导入了帮扶对象</translation>
    </message>
    <message>
        <source>Imported goods and opening stock</source>
        <translation>导入物品和期初库存</translation>
    </message>
    <message>
        <source>Collected a micro-wish</source>
        <translation>收集了一个微心愿</translation>
    </message>
    <message>
        <source>Vetted a micro-wish</source>
        <translation>审核通过了一个微心愿</translation>
    </message>
    <message>
        <source>Rejected a micro-wish</source>
        <translation>不予采纳一个微心愿</translation>
    </message>
    <message>
        <source>Published a micro-wish on the wish board</source>
        <translation>把微心愿发布到心愿墙</translation>
    </message>
    <message>
        <source>Recorded a claimant's contact</source>
        <translation>登记了与认领人的联系</translation>
    </message>
    <message>
        <source>Recorded a micro-wish fulfilled</source>
        <translation>登记了微心愿已实现</translation>
    </message>
    <message>
        <source>Withdrew a micro-wish</source>
        <translation>撤回了一个微心愿</translation>
    </message>
    <message>
        <source>Marked a micro-wish expired</source>
        <translation>把微心愿标为已过期</translation>
    </message>
    <message>
        <source>Reopened a micro-wish</source>
        <translation>重新启用了一个微心愿</translation>
    </message>
    <message>
        <source>Let a claim on a micro-wish go</source>
        <translation>解除了对微心愿的认领</translation>
    </message>
    <message>
        <source>Claimed a wish on the wish board</source>
        <translation>认领了心愿墙上的心愿</translation>
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
        <source>1 entry</source>
        <translation>共 1 条</translation>
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
    <name>CatalogueTab</name>
    <message>
        <source>¥{amount}</source>
        <translation>¥{amount}</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Donors</source>
        <translation>捐赠人</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Categories of help</source>
        <translation>帮扶类别</translation>
    </message>
    <message>
        <source>The built-in categories stay as they are. Add a category of your own, rename it, or switch it off: households that have it keep it, new ones are not offered it.</source>
        <translation>系统自带的类别不能修改。可以添加本村自己的类别、改名或停用：停用后，已属于该类别的帮扶对象保持不变，新登记时不再提供。</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>系统自带</translation>
    </message>
    <message>
        <source>Added here</source>
        <translation>本站添加</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Name of the category</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Saved: {name}.</source>
        <translation>已保存：{name}。</translation>
    </message>
    <message>
        <source>Item categories</source>
        <translation>物品类别</translation>
    </message>
    <message>
        <source>Added by the hut</source>
        <translation>小屋添加</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>A category's name</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>已保存：{name}</translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <source>Issue a certificate</source>
        <translation>开具志愿服务证明</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>See the certificate as it will print, marked as a sample and without a number, before it is issued.</source>
        <translation>开具前先看证明打印出来的样子（标为样张，不编号）。</translation>
    </message>
    <message>
        <source>Issue and print…</source>
        <translation>开具并打印…</translation>
    </message>
    <message>
        <source>Issue register</source>
        <translation>发放登记簿</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>补打…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>{name}, ID {id}, served {hours} from {start} to {end}.</source>
        <translation>{name}，身份证号 {id}，从 {start} 至 {end} 累计服务 {hours}。</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… 另有 {count} 项</translation>
    </message>
    <message>
        <source>Issued by {issuer}</source>
        <translation>出具单位：{issuer}</translation>
    </message>
    <message>
        <source>The sample could not be made. If the last sample is still open in a PDF viewer, close it and try again. Issuing still works: the certificate is saved where you choose.</source>
        <translation>样张未能生成。如果上一份样张还在 PDF 阅读器中打开着，请先关闭它再试。仍可开具：证明会保存到您选择的位置。</translation>
    </message>
    <message>
        <source>Certificate {name} {start} to {end}.pdf</source>
        <translation>志愿服务证明 {name} {start}至{end}.pdf</translation>
    </message>
    <message>
        <source>Certificate issued already</source>
        <translation>已开具过证明</translation>
    </message>
    <message>
        <source>{problem}

Issue a new certificate, with a new number, for the same period anyway?</source>
        <translation>{problem}

仍要为同一时间段开具一份新编号的证明吗？</translation>
    </message>
    <message>
        <source>Issue a new one</source>
        <translation>开具新证明</translation>
    </message>
    <message>
        <source>Certificate {number} issued and saved as {file}.</source>
        <translation>证明 {number} 已开具，保存为 {file}。</translation>
    </message>
    <message>
        <source>Certificate {number} {name} reprint.pdf</source>
        <translation>志愿服务证明 {number} {name} 补打.pdf</translation>
    </message>
    <message>
        <source>Certificate register.xlsx</source>
        <translation>志愿服务证明发放登记簿.xlsx</translation>
    </message>
    <message>
        <source>Certificate register</source>
        <translation>志愿服务证明发放登记簿</translation>
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
    <name>CityItemPicker</name>
    <message>
        <source>Name, pinyin initials or barcode</source>
        <translation>名称、拼音首字母或条码</translation>
    </message>
    <message>
        <source>The city's catalogue has no other item like this.</source>
        <translation>市目录中没有其他类似物品。</translation>
    </message>
    <message>
        <source>Adopt an item of the city's catalogue</source>
        <translation>从市目录添加物品</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <source>Claim a wish</source>
        <translation>认领心愿</translation>
    </message>
    <message>
        <source>{village}, {township}: “{text}” ({band})</source>
        <translation>{township}{village}：“{text}”（{band}）</translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>Choose a volunteer…</source>
        <translation>选择志愿者…</translation>
    </message>
    <message>
        <source>The donor's or work unit's name</source>
        <translation>爱心人士或爱心单位的名称</translation>
    </message>
    <message>
        <source>A phone number; for a volunteer, their phone unless given</source>
        <translation>电话号码；志愿者不填则用其登记的电话</translation>
    </message>
    <message>
        <source>Claimed for</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The claim waits for the city server: the first claim to reach it gets the wish. After the next sync this station shows whether it holds.</source>
        <translation>认领要等市里确认：最先送达市里的认领得到这个心愿。下次同步后，本站会显示认领是否成功。</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>认领</translation>
    </message>
</context>
<context>
    <name>ClaimsDialog</name>
    <message>
        <source>Claims made here</source>
        <translation>本站的认领</translation>
    </message>
    <message>
        <source>Claimed on</source>
        <translation>认领日期</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Wish</source>
        <translation>心愿</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值区间</translation>
    </message>
    <message>
        <source>Claimed for</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>How it stands</source>
        <translation>认领结果</translation>
    </message>
    <message>
        <source>Held until</source>
        <translation>保留至</translation>
    </message>
    <message>
        <source>No wish has been claimed at this station yet. Choose one on the wish board and claim it.</source>
        <translation>本站还没有认领过心愿。请在心愿墙上选一个心愿认领。</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>wish-claims-{day}</source>
        <translation>心愿认领-{day}</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>FOLDER</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>add the rows of an Excel workbook (.xlsx) to a list</source>
        <translation>把 Excel 工作簿（.xlsx）中的各行导入名单</translation>
    </message>
    <message>
        <source>write a list to an Excel workbook (ID numbers masked)</source>
        <translation>把名单导出为 Excel 工作簿（身份证号只显示头尾）</translation>
    </message>
    <message>
        <source>folder for the database, backups and logs (default: the per-user data folder)</source>
        <translation>存放数据库、备份和日志的文件夹（默认：当前用户的数据文件夹）</translation>
    </message>
    <message>
        <source>language of messages (default: the station's setting, else Chinese)</source>
        <translation>提示信息的语言（默认：按本站的设置，没有设置时用中文）</translation>
    </message>
    <message>
        <source>Village Station: volunteer and love-hut records for a village station.</source>
        <translation>村站：村志愿服务站的志愿服务和爱心扶贫小屋记录。</translation>
    </message>
    <message>
        <source>start on a fresh demo data folder filled with synthetic data</source>
        <translation>用一个装有虚构数据的新演示数据文件夹启动</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>check that this installation works (database, services, window) and exit</source>
        <translation>检查这套软件能否正常工作（数据库、各项功能、窗口），然后退出</translation>
    </message>
    <message>
        <source>back the station database up now</source>
        <translation>立即备份村站数据库</translation>
    </message>
    <message>
        <source>replace the station database with a backup (the current one is kept)</source>
        <translation>用备份替换村站数据库（当前的数据库会保留）</translation>
    </message>
    <message>
        <source>BACKUP_FILE</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>the backup file to restore</source>
        <translation>要恢复的备份文件</translation>
    </message>
    <message>
        <source>enroll this station with the city server using a one-time code</source>
        <translation>用一次性登记码在市服务器登记本站</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>the city server's address, e.g. https://sync.example.cn</source>
        <translation>市服务器的地址，例如 https://sync.example.cn</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>登记码</translation>
    </message>
    <message>
        <source>the enrollment code from the city office</source>
        <translation>市里发放的登记码</translation>
    </message>
    <message>
        <source>sync with the city server once and exit</source>
        <translation>与市服务器同步一次，然后退出</translation>
    </message>
    <message>
        <source>what the workbook lists</source>
        <translation>工作簿里登记的内容</translation>
    </message>
    <message>
        <source>WORKBOOK.xlsx</source>
        <translation>工作簿.xlsx</translation>
    </message>
    <message>
        <source>the .xlsx file to import</source>
        <translation>要导入的 .xlsx 文件</translation>
    </message>
    <message>
        <source>what to export</source>
        <translation>要导出的内容</translation>
    </message>
    <message>
        <source>the .xlsx file to write</source>
        <translation>要写入的 .xlsx 文件</translation>
    </message>
    <message>
        <source>The folder {folder} holds a real station's database, so the demo will not start there. Start the demo without --data-dir, or give it an empty folder.</source>
        <translation>文件夹 {folder} 里是一个真实村站的数据库，演示不会在那里启动。请不带 --data-dir 启动演示，或给它一个空文件夹。</translation>
    </message>
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
        <source>1 line was passed over as not being people (the form's footer, or a numbered line nobody filled in).</source>
        <translation>有 1 行不是人员信息，已跳过（表格末尾的制表人、合计等，或没有填写的编号行）。</translation>
    </message>
    <message>
        <source>Exported 1 volunteer to {file}.</source>
        <translation>已把 1 名志愿者导出到 {file}。</translation>
    </message>
    <message>
        <source>Added 1 volunteer from {file}.</source>
        <translation>已从 {file} 导入 1 名志愿者。</translation>
    </message>
    <message>
        <source>Exported 1 household to {file}.</source>
        <translation>已导出 1 户帮扶对象到 {file}。</translation>
    </message>
    <message>
        <source>Exported {count} households to {file}.</source>
        <translation>已导出 {count} 户帮扶对象到 {file}。</translation>
    </message>
    <message>
        <source>Added 1 household from {file}.</source>
        <translation>已从 {file} 导入 1 户帮扶对象。</translation>
    </message>
    <message>
        <source>Added {count} households from {file}.</source>
        <translation>已从 {file} 导入 {count} 户帮扶对象。</translation>
    </message>
    <message>
        <source>Exported the stock on hand of 1 item to {file}.</source>
        <translation>已将 1 种物品的现有库存导出到 {file}。</translation>
    </message>
    <message>
        <source>Exported the stock on hand of {count} items to {file}.</source>
        <translation>已将 {count} 种物品的现有库存导出到 {file}。</translation>
    </message>
    <message>
        <source>Imported 1 row of goods from {file}.</source>
        <translation>已从 {file} 导入 1 行物品。</translation>
    </message>
    <message>
        <source>Imported {count} rows of goods from {file}.</source>
        <translation>已从 {file} 导入 {count} 行物品。</translation>
    </message>
    <message>
        <source>Nothing of the file was imported, so the opening stock stays whole. Correct the rows below and import the file again.</source>
        <translation>文件中的内容均未导入，以免期初库存不完整。请更正下列各行后重新导入。</translation>
    </message>
    <message>
        <source>1 line was passed over as not being goods (the form's footer, or a numbered line nobody filled in).</source>
        <translation>1 行不是物品（表尾落款、只有序号未填写的行），已跳过。</translation>
    </message>
    <message>
        <source>{count} lines were passed over as not being goods (the form's footer, numbered lines nobody filled in).</source>
        <translation>{count} 行不是物品（表尾落款、只有序号未填写的行），已跳过。</translation>
    </message>
    <message>
        <source>There is no file {file}. Check the name and the folder.</source>
        <translation>找不到文件 {file}。请检查文件名和所在的文件夹。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>There is no station database in {folder} yet. Start Village Station and set the station up first.</source>
        <translation>{folder} 里还没有村站数据库。请先启动村站软件，完成设置。</translation>
    </message>
    <message>
        <source>The station in {folder} is not set up yet. Start Village Station and set it up first.</source>
        <translation>{folder} 里的村站还没有设置。请先启动村站软件，完成设置。</translation>
    </message>
    <message>
        <source>{file} cannot be written: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>Exported {count} volunteers to {file}.</source>
        <translation>已把 {count} 名志愿者导出到 {file}。</translation>
    </message>
    <message>
        <source>Added {count} volunteers from {file}.</source>
        <translation>已从 {file} 导入 {count} 名志愿者。</translation>
    </message>
    <message>
        <source>{count} lines were passed over as not being people (the form's footer, numbered lines nobody filled in).</source>
        <translation>有 {count} 行不是人员信息，已跳过（表格末尾的制表人、合计等，或没有填写的编号行）。</translation>
    </message>
    <message>
        <source>1 row was refused:</source>
        <translation>有 1 行没有导入：</translation>
    </message>
    <message>
        <source>{count} rows were refused:</source>
        <translation>有 {count} 行没有导入：</translation>
    </message>
    <message>
        <source>1 row was already registered and was not added again:</source>
        <translation>有 1 行的人已经登记过，没有重复导入：</translation>
    </message>
    <message>
        <source>{count} rows were already registered and were not added again:</source>
        <translation>有 {count} 行的人已经登记过，没有重复导入：</translation>
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
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示这段帮助，然后退出</translation>
    </message>
    <message>
        <source>show the version number and exit</source>
        <translation>显示版本号，然后退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s</source>
        <translation>%(prog)s：错误：%(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下参数：%s</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>必须给出参数 %s 之一</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项 %(option)s 不明确，可能是 %(matches)s</translation>
    </message>
    <message>
        <source>language of this help and of argument errors (default Chinese)</source>
        <translation>这段帮助和参数错误提示的语言（默认中文）</translation>
    </message>
    <message>
        <source>folder of the SQLite database %(database_file)s (default %(data_dir)s)</source>
        <translation>SQLite 数据库 %(database_file)s 所在的文件夹（默认 %(data_dir)s）</translation>
    </message>
    <message>
        <source>SQLAlchemy URL, e.g. postgresql+psycopg://user@host/city (or set CITY_SERVER_DATABASE_URL)</source>
        <translation>SQLAlchemy 数据库地址，例如 postgresql+psycopg://user@host/city（也可以设置环境变量 CITY_SERVER_DATABASE_URL）</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>the key that seals ID numbers (or set CITY_SERVER_KEY_FILE; default city.key beside an SQLite database)</source>
        <translation>加密身份证号的密钥文件（也可以设置环境变量 CITY_SERVER_KEY_FILE；默认是 SQLite 数据库旁边的 city.key）</translation>
    </message>
    <message>
        <source>Village Station city server: the sync service stations talk to.</source>
        <translation>村站市服务器：各村站与之同步数据的服务。</translation>
    </message>
    <message>
        <source>migrate the database, then serve HTTP</source>
        <translation>升级数据库，然后提供 HTTP 服务</translation>
    </message>
    <message>
        <source>address to listen on (default 127.0.0.1)</source>
        <translation>监听的地址（默认 127.0.0.1）</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>port (default 8800)</source>
        <translation>端口（默认 8800）</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>worker processes (default 1)</source>
        <translation>工作进程数（默认 1）</translation>
    </message>
    <message>
        <source>sync requests in flight per worker before answering 503 busy (default 32)</source>
        <translation>每个工作进程同时处理的同步请求数，超过时回答 503 忙（默认 32）</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>Retry-After seconds when busy (default 5)</source>
        <translation>忙时 Retry-After 的秒数（默认 5）</translation>
    </message>
    <message>
        <source>create or upgrade the database schema</source>
        <translation>创建或升级数据库结构</translation>
    </message>
    <message>
        <source>the region list</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>import a code,name,level,parent_code CSV file (all rows or none)</source>
        <translation>导入 code,name,level,parent_code 格式的 CSV 文件（要么全部导入，要么都不导入）</translation>
    </message>
    <message>
        <source>FILE.csv</source>
        <translation>文件.csv</translation>
    </message>
    <message>
        <source>the city's catalogue of goods for the love huts</source>
        <translation>爱心扶贫小屋的全市物品目录</translation>
    </message>
    <message>
        <source>add or change items from an .xlsx or .csv sheet headed 物品名称, 类别, 单位, 有效期管理, 条码 (all rows or none)</source>
        <translation>从表头为 物品名称、类别、单位、有效期管理、条码 的 .xlsx 或 .csv 表格添加或修改物品（全部导入或全部不导入）</translation>
    </message>
    <message>
        <source>the love huts' stock as the city holds it</source>
        <translation>市里掌握的爱心扶贫小屋库存</translation>
    </message>
    <message>
        <source>hold each hut's running balances to the sum of its movements and list any that differs</source>
        <translation>核对每个小屋各物品的库存余额是否等于其出入库流水之和，列出不一致的</translation>
    </message>
    <message>
        <source>set the balances that differ to the sums again</source>
        <translation>将不一致的余额重新设为流水之和</translation>
    </message>
    <message>
        <source>the key that seals sensitive values</source>
        <translation>加密敏感信息的密钥</translation>
    </message>
    <message>
        <source>write a new key file (never overwrites one)</source>
        <translation>写一个新的密钥文件（不会覆盖已有的）</translation>
    </message>
    <message>
        <source>issue a one-time enrollment code for a village's station</source>
        <translation>为某个村的村站发放一次性登记码</translation>
    </message>
    <message>
        <source>VILLAGE_CODE</source>
        <translation>村代码</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>days the code stays valid (default 7)</source>
        <translation>登记码有效的天数（默认 7）</translation>
    </message>
    <message>
        <source>enrolled stations</source>
        <translation>已登记的村站</translation>
    </message>
    <message>
        <source>list enrolled stations</source>
        <translation>列出已登记的村站</translation>
    </message>
    <message>
        <source>withdraw a station's token (it must enroll again)</source>
        <translation>撤销某个村站的登记（它需要重新登记）</translation>
    </message>
    <message>
        <source>STATION_ID</source>
        <translation>站点编号</translation>
    </message>
    <message>
        <source>let a revoked (or lost) station enroll again with a new code</source>
        <translation>允许被撤销（或丢失）的村站用新登记码重新登记</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm what arrived</source>
        <translation>确认调入物资</translation>
    </message>
    <message>
        <source>Transfer {number} from {hut}, sent on {day} by {name}. Enter how many of each line arrived; where it differs from what was sent, say why.</source>
        <translation>调拨单 {number}，来自 {hut}，{day} 由 {name} 发出。请填写每一行实际收到的数量；与调出数量不符的，请写明原因。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>调出数量</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>实收数量</translation>
    </message>
    <message>
        <source>Why it differs</source>
        <translation>差异原因</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Record contact</source>
        <translation>登记联系</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>{name} ({village}), reached at {contact}</source>
        <translation>{name}（{village}），联系方式：{contact}</translation>
    </message>
    <message>
        <source>The claim holds the wish until {day}. Once contact is recorded it holds it until the wish is fulfilled.</source>
        <translation>这个认领为认领人保留心愿到 {day}。登记联系后，心愿一直保留到实现为止。</translation>
    </message>
    <message>
        <source>In touch on</source>
        <translation>联系日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct hours</source>
        <translation>更正服务时长</translation>
    </message>
    <message>
        <source>The record of {hours} on {date} stays in the history. A correction that takes it back is added, and, if you give new hours, a record with those hours.</source>
        <translation>{date} 登记的 {hours} 会保留在历史记录中。系统会新增一条冲正记录将它冲销；如果填写了新的时长，还会再新增一条按新时长登记的记录。</translation>
    </message>
    <message>
        <source>Record new hours instead</source>
        <translation>改为登记新的时长</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>New hours</source>
        <translation>新时长</translation>
    </message>
    <message>
        <source>Say why the hours are corrected.</source>
        <translation>请填写更正服务时长的原因。</translation>
    </message>
</context>
<context>
    <name>CoverageChart</name>
    <message>
        <source>Households of each project's category: sponsored, and waiting for a sponsor</source>
        <translation>各项目对应类别的帮扶对象：已认领的和待认领的</translation>
    </message>
    <message>
        <source>Sponsored</source>
        <translation>已认领</translation>
    </message>
    <message>
        <source>Waiting for a sponsor</source>
        <translation>待认领</translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Households of the category</source>
        <translation>本村该类帮扶对象（户）</translation>
    </message>
    <message>
        <source>Sponsored</source>
        <translation>已认领（户）</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待认领（户）</translation>
    </message>
    <message>
        <source>City's target</source>
        <translation>全市目标（户）</translation>
    </message>
    <message>
        <source>Report for the township</source>
        <translation>报乡镇的报表</translation>
    </message>
    <message>
        <source>Coverage of each project, the sponsorships overdue for a visit or a hand-over, and the hand-overs of the period: on A4 paper, or in Excel.</source>
        <translation>各项目的认领情况、逾期未走访或未按期交付的认领，以及统计期间的交付记录：可以打印成A4纸，也可以导出为Excel。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>打印报表…</translation>
    </message>
    <message>
        <source>Report to Excel…</source>
        <translation>报表导出为Excel…</translation>
    </message>
    <message>
        <source>Lei Feng posts at the village: {posts} (the city's target: {target}).</source>
        <translation>本村雷锋岗：{posts}个（全市目标：{target}个）。</translation>
    </message>
    <message>
        <source>Sponsorships {start} to {end}.pdf</source>
        <translation>认领认捐情况报表 {start}至{end}.pdf</translation>
    </message>
    <message>
        <source>Reading the report…</source>
        <translation>正在统计报表…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Notes correcting it</source>
        <translation>更正说明</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>认领情况</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Hand-overs</source>
        <translation>交付记录</translation>
    </message>
    <message>
        <source>Sponsorships {start} to {end}</source>
        <translation>认领认捐情况报表 {start}至{end}</translation>
    </message>
    <message>
        <source>Sponsorship report</source>
        <translation>认领认捐情况报表</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不予采纳</translation>
    </message>
    <message>
        <source>Publish {name} on the good-people list. You may add a note.</source>
        <translation>将 {name} 发布到好人榜。可以填写备注。</translation>
    </message>
    <message>
        <source>Say why the nomination of {name} is not adopted.</source>
        <translation>请填写对 {name} 的推荐不予采纳的原因。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Say why the nomination is rejected.</source>
        <translation>请填写不予采纳的原因。</translation>
    </message>
    <message>
        <source>Publish {name}? This cannot be undone.</source>
        <translation>确定发布 {name} 吗？发布后无法撤销。</translation>
    </message>
    <message>
        <source>Reject the nomination of {name}? This cannot be undone.</source>
        <translation>确定对 {name} 的推荐不予采纳吗？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Intake of goods</source>
        <translation>物品接收</translation>
    </message>
    <message>
        <source>Distribution of goods</source>
        <translation>物品发放</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>New donor…</source>
        <translation>新增捐赠人…</translation>
    </message>
    <message>
        <source>The charity the cash was passed to</source>
        <translation>现金转交的慈善机构</translation>
    </message>
    <message>
        <source>Its receipt number</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>Choose the activity</source>
        <translation>选择活动</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <source>Cash passed on</source>
        <translation>转交现金</translation>
    </message>
    <message>
        <source>Cash is never kept at the hut: record what was passed on, to whom, and its receipt number</source>
        <translation>小屋不留存现金：请登记转交的金额、接收机构和收据号</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>发放给</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>帮扶对象</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>志愿服务活动</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>新旧</translation>
    </message>
    <message>
        <source>Value each</source>
        <translation>单价估值</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Scan a barcode here (or type it and press Enter)</source>
        <translation>在此扫描条码（或输入后按回车）</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>No item chosen</source>
        <translation>未选物品</translation>
    </message>
    <message>
        <source>Choose item…</source>
        <translation>选择物品…</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Value each, yuan</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Change line</source>
        <translation>修改此行</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>过账</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose the item first, or scan its barcode.</source>
        <translation>请先选择物品，或扫描其条码。</translation>
    </message>
    <message>
        <source>Unknown barcode</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <source>No item has barcode {code}. Choose the item it belongs to, and it will be known next time.</source>
        <translation>没有物品使用条码 {code}。请选择它所属的物品，下次扫描即可识别。</translation>
    </message>
    <message>
        <source>Choose the item…</source>
        <translation>选择物品…</translation>
    </message>
    <message>
        <source>The draft is saved on this PC. Post it when the goods have moved.</source>
        <translation>草稿已保存在本机。物品实际出入后再过账。</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>Throw this draft away, with its lines?</source>
        <translation>放弃这份草稿及其全部明细？</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>¥{amount}</source>
        <translation>¥{amount}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Recorded at another PC</source>
        <translation>已由另一台电脑登记</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已冲销</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Donor or recipient</source>
        <translation>捐赠人/领取人</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>估价</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>估价（元）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Every donor</source>
        <translation>全部捐赠人</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <source>Every household</source>
        <translation>全部帮扶对象</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>帮扶对象</translation>
    </message>
    <message>
        <source>New intake…</source>
        <translation>新建接收…</translation>
    </message>
    <message>
        <source>New distribution…</source>
        <translation>新建发放…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Hut documents {day}</source>
        <translation>小屋单据 {day}</translation>
    </message>
    <message>
        <source>Hut documents</source>
        <translation>小屋单据</translation>
    </message>
    <message>
        <source>{documents}, {drafts}</source>
        <translation>{documents}，{drafts}</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>1 份单据</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} 份单据</translation>
    </message>
    <message>
        <source>1 draft</source>
        <translation>1 份草稿</translation>
    </message>
    <message>
        <source>{count} drafts</source>
        <translation>{count} 份草稿</translation>
    </message>
</context>
<context>
    <name>DonorDialog</name>
    <message>
        <source>Add a donor</source>
        <translation>新增捐赠人</translation>
    </message>
    <message>
        <source>Change donor</source>
        <translation>修改捐赠人</translation>
    </message>
    <message>
        <source>A phone, or whom to ask for and a phone</source>
        <translation>电话，或联系人和电话</translation>
    </message>
    <message>
        <source>Named in the public notice (otherwise 爱心人士)</source>
        <translation>公示时写明姓名（否则写“爱心人士”）</translation>
    </message>
    <message>
        <source>Kind of donor</source>
        <translation>捐赠人类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DonorHistoryDialog</name>
    <message>
        <source>Gifts of {donor}</source>
        <translation>{donor}的捐赠</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>估价</translation>
    </message>
    <message>
        <source>Cash passed on</source>
        <translation>转交现金</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已冲销</translation>
    </message>
    <message>
        <source>1 gift, goods worth {value}</source>
        <translation>共 1 次捐赠，物品估价 {value}</translation>
    </message>
    <message>
        <source>{count} gifts, goods worth {value}</source>
        <translation>共 {count} 次捐赠，物品估价 {value}</translation>
    </message>
</context>
<context>
    <name>DonorPicker</name>
    <message>
        <source>Donor's name or its pinyin initials</source>
        <translation>捐赠人名称或拼音首字母</translation>
    </message>
    <message>
        <source>No donor found. Add the donor with New donor…</source>
        <translation>没有找到捐赠人。请用“新增捐赠人…”添加。</translation>
    </message>
    <message>
        <source>Choose a donor</source>
        <translation>选择捐赠人</translation>
    </message>
</context>
<context>
    <name>DonorsList</name>
    <message>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>捐赠次数</translation>
    </message>
    <message>
        <source>Last gift</source>
        <translation>最近捐赠</translation>
    </message>
    <message>
        <source>In the notice</source>
        <translation>公示名称</translation>
    </message>
    <message>
        <source>Donor's name or its pinyin initials</source>
        <translation>捐赠人名称或拼音首字母</translation>
    </message>
    <message>
        <source>Add donor…</source>
        <translation>新增捐赠人…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Gifts…</source>
        <translation>捐赠记录…</translation>
    </message>
    <message>
        <source>Hut donors</source>
        <translation>小屋捐赠人</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>可能重复登记</translation>
    </message>
    <message>
        <source>These records share an ID number, or a name and a phone number. Select the two that are the same person, choose which record to keep, and merge them. Hours, teams and activities of the other move to the one kept.</source>
        <translation>下面这些记录的身份证号相同，或者姓名和电话都相同。请选中属于同一个人的两条记录，选择保留哪一条，然后合并。另一条记录的服务时长、所属志愿服务队和参加的活动都会转到保留的记录上。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>No possible duplicates found.</source>
        <translation>没有发现可能重复登记的记录。</translation>
    </message>
    <message>
        <source>Same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <source>Same name and phone</source>
        <translation>姓名和电话相同</translation>
    </message>
    <message>
        <source>Merge {other} ({other_id}, registered {other_on}) into {keep} ({keep_id}, registered {keep_on})? The record of {other} is closed and its hours, teams and activities count for {keep}. This cannot be undone.</source>
        <translation>确定把{other}（{other_id}，{other_on} 注册）合并到{keep}（{keep_id}，{keep_on} 注册）吗？合并后{other}的记录将关闭，其服务时长、所属志愿服务队和参加的活动都计入{keep}名下。合并后无法撤销。</translation>
    </message>
    <message>
        <source>Their ID numbers are different: they may be two people with the same name and phone (one family). Merge them only if one of the numbers was typed wrong.</source>
        <translation>这两条记录的身份证号不同：可能是同名、共用一个电话的两个人（同一家人）。只有确认其中一个号码是录错的，才能合并。</translation>
    </message>
    <message>
        <source>Merge two records</source>
        <translation>合并两条记录</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>EarnDialog</name>
    <message>
        <source>Earn points: {name}</source>
        <translation>积分获得：{name}</translation>
    </message>
    <message>
        <source>What the points are for, when it is not on the list</source>
        <translation>列表中没有时，写明获得积分的事由</translation>
    </message>
    <message>
        <source>For example: 村两委会议</source>
        <translation>例如：村两委会议</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Reason in words</source>
        <translation>事由说明</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>{name} ({points} points)</source>
        <translation>{name}（{points}分）</translation>
    </message>
    <message>
        <source>Another reason (write it below)</source>
        <translation>其他事由（在下面填写）</translation>
    </message>
    <message>
        <source>For example: 5</source>
        <translation>例如：5</translation>
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
    <name>EventDialog</name>
    <message>
        <source>Record a visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <source>Record a hand-over</source>
        <translation>登记交付</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加说明</translation>
    </message>
    <message>
        <source>{sponsor} sponsors {head}'s household: {project}.</source>
        <translation>{sponsor}认领{head}户：{project}。</translation>
    </message>
    <message>
        <source>The day it happened; empty for today</source>
        <translation>发生的日期；不填即为今天</translation>
    </message>
    <message>
        <source>About the {kind} of {day}: {what}</source>
        <translation>针对{day}的{kind}记录：{what}</translation>
    </message>
    <message>
        <source>What is right: for example, the hand-over was 300 yuan, not 500</source>
        <translation>正确的情况，例如：实际交付300元，不是500元</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>What was handed over</source>
        <translation>交付了什么</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>What was seen and talked about</source>
        <translation>走访看到的情况、谈了什么</translation>
    </message>
    <message>
        <source>Notes of the visit</source>
        <translation>走访情况</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <source>Exchange points for goods: {name}</source>
        <translation>积分兑换物品：{name}</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Points each</source>
        <translation>每单位积分</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>The {name} household has {balance} points.</source>
        <translation>{name}户现有积分 {balance} 分。</translation>
    </message>
    <message>
        <source>These goods cost {cost} points; {left} would be left.</source>
        <translation>这些物品需要 {cost} 分，兑换后剩余 {left} 分。</translation>
    </message>
    <message>
        <source>These goods cost {cost} points, {more} more than the household has. Take fewer goods.</source>
        <translation>这些物品需要 {cost} 分，比该户现有积分多 {more} 分。请减少兑换的物品。</translation>
    </message>
    <message>
        <source>Enter how many of the goods the household takes.</source>
        <translation>请填写该户兑换的物品数量。</translation>
    </message>
    <message>
        <source>The household has {balance} points; these goods cost {cost}. Take fewer goods, or earn the points first.</source>
        <translation>该户现有积分 {balance} 分，这些物品需要 {cost} 分。请减少兑换的物品，或先获得积分。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation>正在导出 Excel…</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>The list was saved to {path}.</source>
        <translation>列表已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
</context>
<context>
    <name>FulfilDialog</name>
    <message>
        <source>Record the fulfilment</source>
        <translation>登记心愿实现</translation>
    </message>
    <message>
        <source>What the household received, like 书包一个、文具一套</source>
        <translation>这户人家收到了什么，如：书包一个、文具一套</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>没有照片</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>The household confirmed it received the wish</source>
        <translation>受助户已确认收到</translation>
    </message>
    <message>
        <source>For example: 户主签字确认</source>
        <translation>如：户主签字确认</translation>
    </message>
    <message>
        <source>Handed over on</source>
        <translation>交接日期</translation>
    </message>
    <message>
        <source>What was given</source>
        <translation>交付物品</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>交付人</translation>
    </message>
    <message>
        <source>Photo (kept at this station only)</source>
        <translation>照片（只保存在本站）</translation>
    </message>
    <message>
        <source>How it was confirmed</source>
        <translation>确认方式</translation>
    </message>
    <message>
        <source>Record fulfilment</source>
        <translation>登记实现</translation>
    </message>
    <message>
        <source>{file} is not a picture. Choose a photo (JPEG or PNG).</source>
        <translation>{file} 不是图片。请选择一张照片。</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
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
    <name>GoodPeopleView</name>
    <message>
        <source>Good people</source>
        <translation>好人榜</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Good deeds</source>
        <translation>主要事迹</translation>
    </message>
    <message>
        <source>Nominated by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>Nominated on</source>
        <translation>推荐日期</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>审定日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Nominate…</source>
        <translation>推荐…</translation>
    </message>
    <message>
        <source>Start public notice…</source>
        <translation>开始公示…</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>不予采纳…</translation>
    </message>
    <message>
        <source>Print notice…</source>
        <translation>打印公示…</translation>
    </message>
    <message>
        <source>Print honour list…</source>
        <translation>打印年度好人榜…</translation>
    </message>
    <message>
        <source>Honour list of the year</source>
        <translation>年度好人榜</translation>
    </message>
    <message>
        <source>The public notice of {name} runs until {end}: it can be published from {date}.</source>
        <translation>{name}的公示到 {end} 结束：{date} 起才能发布。</translation>
    </message>
    <message>
        <source>Nobody is on public notice now. Start a public notice first.</source>
        <translation>目前没有人在公示中。请先开始公示。</translation>
    </message>
    <message>
        <source>Good people public notice.pdf</source>
        <translation>好人榜公示.pdf</translation>
    </message>
    <message>
        <source>Nobody was published on the good-people list in {year}.</source>
        <translation>{year} 年好人榜上没有发布任何人。</translation>
    </message>
    <message>
        <source>{village} good people of {year}</source>
        <translation>{village} {year} 年度好人榜</translation>
    </message>
    <message>
        <source>Honour list {year}.pdf</source>
        <translation>{year} 年度好人榜.pdf</translation>
    </message>
    <message>
        <source>Good people.xlsx</source>
        <translation>好人榜.xlsx</translation>
    </message>
</context>
<context>
    <name>HonourHoursDialog</name>
    <message>
        <source>Add honour hours</source>
        <translation>添加荣誉时长</translation>
    </message>
    <message>
        <source>Honour hours for {name}</source>
        <translation>{name} 的荣誉时长</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>HoursView</name>
    <message>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>时长记录</translation>
    </message>
    <message>
        <source>Star levels</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>志愿服务证明</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Register a household</source>
        <translation>登记帮扶对象</translation>
    </message>
    <message>
        <source>Change household</source>
        <translation>修改帮扶对象信息</translation>
    </message>
    <message>
        <source>Household details</source>
        <translation>帮扶对象详情</translation>
    </message>
    <message>
        <source>The head's ID number: 18 characters; a lower-case x is fine</source>
        <translation>户主身份证号：共18位；最后一位写小写 x 也可以</translation>
    </message>
    <message>
        <source>For example: 三组</source>
        <translation>例如：三组</translation>
    </message>
    <message>
        <source>2027-11-29 or 2027年11月29日; empty for a year from today</source>
        <translation>2027-11-29 或 2027年11月29日；不填则为一年后的今天</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Villagers' group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>People in the household</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Categories of help</source>
        <translation>帮扶类别</translation>
    </message>
    <message>
        <source>Cause of poverty</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <source>Next yearly check</source>
        <translation>下次年度复核</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The day it began; empty for today</source>
        <translation>开始日期；不填则为今天</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>帮扶状态</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>状态开始日期</translation>
    </message>
    <message>
        <source>Health, disability and income notes</source>
        <translation>健康、残疾和收入情况</translation>
    </message>
    <message>
        <source>Show health and disability notes…</source>
        <translation>查看健康和残疾情况…</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾情况</translation>
    </message>
    <message>
        <source>Income notes</source>
        <translation>收入情况</translation>
    </message>
    <message>
        <source>Members of the household</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Add a member…</source>
        <translation>添加家庭成员…</translation>
    </message>
    <message>
        <source>Change member…</source>
        <translation>修改家庭成员…</translation>
    </message>
    <message>
        <source>Take off the household…</source>
        <translation>移出本户…</translation>
    </message>
    <message>
        <source>Save the household first, then add its members.</source>
        <translation>请先保存帮扶对象，再添加家庭成员。</translation>
    </message>
    <message>
        <source>{status} since {day}</source>
        <translation>{status}（自 {day} 起）</translation>
    </message>
    <message>
        <source>Kept from most eyes: only the coordinator and the station admin see these notes, and never on a list, a paper or in Excel.</source>
        <translation>这些情况只对志愿服务联络员和站长可见，不会出现在列表、打印的材料或 Excel 中。</translation>
    </message>
    <message>
        <source>Hidden. Opening them asks why, and the audit log keeps it.</source>
        <translation>已隐藏。查看时需要说明原因，并记入操作日志。</translation>
    </message>
    <message>
        <source>Notes are recorded.</source>
        <translation>已有记录。</translation>
    </message>
    <message>
        <source>No notes are recorded yet.</source>
        <translation>尚无记录。</translation>
    </message>
    <message>
        <source>{name}: {notes}</source>
        <translation>{name}：{notes}</translation>
    </message>
    <message>
        <source>Members' notes (change them under Change member…):</source>
        <translation>家庭成员的情况（在“修改家庭成员…”中修改）：</translation>
    </message>
    <message>
        <source>Take a member off</source>
        <translation>移出家庭成员</translation>
    </message>
    <message>
        <source>Take {name} off the household? The record is kept in the history, marked as taken off.</source>
        <translation>确定把{name}移出本户吗？记录会保留在历史中，标记为已移出。</translation>
    </message>
    <message>
        <source>Take off</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>A household of {name} at {place} is registered already. Save this one anyway?</source>
        <translation>{place}已登记了户主为{name}的帮扶对象。仍然保存吗？</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复登记</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>HouseholdDuplicatesDialog</name>
    <message>
        <source>These households share the head's ID number, or the head's name and the place. Select the two that are the same household, choose which record to keep, and merge them. The members, micro-wishes, sponsorships and trainings of the other count for the one kept.</source>
        <translation>下面这些帮扶对象的户主身份证号相同，或者户主姓名和住址都相同。请选中属于同一户的两条记录，选择保留哪一条，然后合并。另一条记录的家庭成员、微心愿、认领认捐和参加的培训都计入保留的记录。</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>村民小组和住址</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>帮扶类别</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>帮扶状态</translation>
    </message>
    <message>
        <source>Households registered twice?</source>
        <translation>可能重复登记的帮扶对象</translation>
    </message>
    <message>
        <source>Same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <source>Same head and place</source>
        <translation>户主和住址相同</translation>
    </message>
    <message>
        <source>Merge the household of {other} ({other_place}) into that of {keep} ({keep_place})? The record of {other} is closed; its members, micro-wishes, sponsorships and trainings count for the household kept. This cannot be undone.</source>
        <translation>确定把户主为{other}（{other_place}）的记录合并到户主为{keep}（{keep_place}）的记录吗？合并后{other}的记录将关闭，其家庭成员、微心愿、认领认捐和参加的培训都计入保留的记录。合并后无法撤销。</translation>
    </message>
    <message>
        <source>Merge two households</source>
        <translation>合并两条帮扶对象记录</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>HouseholdImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Households added from {file}: {added}. Rows refused: {refused}. Rows registered already or looking like a household registered twice: {duplicates}.</source>
        <translation>已从 {file} 导入 {added} 户帮扶对象。有 {refused} 行未导入，{duplicates} 行已登记或可能重复登记。</translation>
    </message>
    <message>
        <source>Not added, because the household seems to be registered already:</source>
        <translation>以下帮扶对象好像已经登记过，没有导入：</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <source>Head's name, pinyin, initials, phone or last digits of the ID number</source>
        <translation>户主姓名、拼音、首字母、电话或身份证号后几位</translation>
    </message>
    <message>
        <source>No household found. Try fewer letters, or the phone number.</source>
        <translation>没有找到。请少输入几个字母，或者改用电话号码查找。</translation>
    </message>
    <message>
        <source>Choose households</source>
        <translation>选择帮扶对象</translation>
    </message>
    <message>
        <source>Choose a household</source>
        <translation>选择一户帮扶对象</translation>
    </message>
</context>
<context>
    <name>HouseholdsView</name>
    <message>
        <source>Visit summary {name} {day}.pdf</source>
        <translation>入户走访情况表 {name} {day}.pdf</translation>
    </message>
    <message>
        <source>Households in need</source>
        <translation>帮扶对象</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>Villagers' group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>People</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>帮扶类别</translation>
    </message>
    <message>
        <source>Cause of poverty</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>帮扶状态</translation>
    </message>
    <message>
        <source>Next yearly check</source>
        <translation>下次年度复核</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Search: head's name, pinyin, initials, phone, or last digits of the ID number</source>
        <translation>搜索：户主姓名、拼音、首字母、电话或身份证号后几位</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>帮扶类别</translation>
    </message>
    <message>
        <source>Any group</source>
        <translation>全部小组</translation>
    </message>
    <message>
        <source>Yearly check due</source>
        <translation>需要年度复核</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>变更帮扶状态…</translation>
    </message>
    <message>
        <source>What it received…</source>
        <translation>已获帮扶…</translation>
    </message>
    <message>
        <source>Print visit summary…</source>
        <translation>打印走访情况表…</translation>
    </message>
    <message>
        <source>Show full ID number</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <source>Find duplicates…</source>
        <translation>查找重复登记…</translation>
    </message>
    <message>
        <source>Categories of help…</source>
        <translation>帮扶类别…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>{count} households</source>
        <translation>共 {count} 户</translation>
    </message>
    <message>
        <source>1 household</source>
        <translation>共 1 户</translation>
    </message>
    <message>
        <source>Full ID number</source>
        <translation>完整身份证号</translation>
    </message>
    <message>
        <source>ID number of {name}, head of the household:</source>
        <translation>户主{name}的身份证号：</translation>
    </message>
    <message>
        <source>No ID number is recorded.</source>
        <translation>没有登记身份证号。</translation>
    </message>
    <message>
        <source>Import households from Excel</source>
        <translation>从 Excel 导入帮扶对象</translation>
    </message>
    <message>
        <source>Importing households…</source>
        <translation>正在导入帮扶对象…</translation>
    </message>
    <message>
        <source>households-{day}</source>
        <translation>帮扶对象-{day}</translation>
    </message>
    <message>
        <source>Export households to Excel</source>
        <translation>导出帮扶对象到 Excel</translation>
    </message>
</context>
<context>
    <name>HutChartDialog</name>
    <message>
        <source>Goods in and out</source>
        <translation>物品出入</translation>
    </message>
    <message>
        <source>Goods in and out by month (quantities)</source>
        <translation>每月物品出入（数量）</translation>
    </message>
    <message>
        <source>In</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出库</translation>
    </message>
    <message>
        <source>What came in and went out in each month</source>
        <translation>每月接收和发出的物品</translation>
    </message>
    <message>
        <source>On hand by category</source>
        <translation>各类别库存</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
</context>
<context>
    <name>HutView</name>
    <message>
        <source>Love hut</source>
        <translation>爱心扶贫小屋</translation>
    </message>
    <message>
        <source>Set up the hut…</source>
        <translation>设置小屋…</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Household points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>调拨</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Monthly notice</source>
        <translation>月度公示</translation>
    </message>
    <message>
        <source>Items and donors</source>
        <translation>物品与捐赠人</translation>
    </message>
    <message>
        <source>The village's love hut is not set up yet. Set it up with its name and address to take in the first goods.</source>
        <translation>本村的爱心扶贫小屋尚未设置。请填写小屋名称和地址，然后即可接收物品。</translation>
    </message>
    <message>
        <source>The village's love hut is not set up yet. The hut manager sets it up.</source>
        <translation>本村的爱心扶贫小屋尚未设置，由小屋管理员设置。</translation>
    </message>
    <message>
        <source>Love hut: {name}</source>
        <translation>爱心扶贫小屋：{name}</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>1 line was passed over as not being people: the form's footer (制表人, 合计 …) or a numbered line nobody filled in.</source>
        <translation>有 1 行不是人员信息，已跳过：表格末尾的制表人、合计等，或没有填写的编号行。</translation>
    </message>
    <message>
        <source>{count} lines were passed over as not being people: the form's footer (制表人, 合计 …) or numbered lines nobody filled in.</source>
        <translation>有 {count} 行不是人员信息，已跳过：表格末尾的制表人、合计等，或没有填写的编号行。</translation>
    </message>
    <message>
        <source>New teams made for the rows that named them: {teams}. Check them under Volunteer teams.</source>
        <translation>为填写了这些队伍的行新建了队伍：{teams}。请到“志愿服务队”中核对。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Refused rows: correct them in the workbook and import it again.</source>
        <translation>未导入的行：请在 Excel 工作簿中改正后重新导入。</translation>
    </message>
    <message>
        <source>Volunteers added from {file}: {added}. Rows refused: {refused}. Rows already registered or looking like a duplicate: {duplicates}.</source>
        <translation>已从 {file} 导入 {added} 名志愿者。有 {refused} 行未导入，{duplicates} 行的人已登记或可能重复登记。</translation>
    </message>
    <message>
        <source>Not added, because the person seems to be registered already:</source>
        <translation>以下人员好像已经登记过，没有导入：</translation>
    </message>
    <message>
        <source>Save the report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <source>Refused rows:</source>
        <translation>未导入的行：</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>第{row}行：{reason}</translation>
    </message>
    <message>
        <source>Already registered or a possible duplicate:</source>
        <translation>已登记或可能重复登记：</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>保存导入报告</translation>
    </message>
    <message>
        <source>The report could not be saved there: {error}</source>
        <translation>报告无法保存到这个位置：{error}。请换一个文件夹再保存。</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Add an item</source>
        <translation>新增物品</translation>
    </message>
    <message>
        <source>Change item</source>
        <translation>修改物品</translation>
    </message>
    <message>
        <source>For example: 棉被, 大米（10斤装）</source>
        <translation>例如：棉被、大米（10斤装）</translation>
    </message>
    <message>
        <source>Keeps an expiry date</source>
        <translation>需登记有效期</translation>
    </message>
    <message>
        <source>Scan it here, if it has one</source>
        <translation>如有条码，在此扫描</translation>
    </message>
    <message>
        <source>Warn when this many or fewer are left (0: never)</source>
        <translation>库存不多于此数时提醒（0：不提醒）</translation>
    </message>
    <message>
        <source>Points a household pays for one (0: not exchanged)</source>
        <translation>每件兑换所需积分（0：不可兑换）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>Low-stock level</source>
        <translation>低库存线</translation>
    </message>
    <message>
        <source>Price in points</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <source>Name, pinyin initials or barcode</source>
        <translation>名称、拼音首字母或条码</translation>
    </message>
    <message>
        <source>No item found. Add it in Items and donors, or try fewer letters.</source>
        <translation>没有找到物品。请在“物品与捐赠人”中添加，或少输入几个字。</translation>
    </message>
    <message>
        <source>Choose an item</source>
        <translation>选择物品</translation>
    </message>
    <message>
        <source>(city's catalogue)</source>
        <translation>（市目录）</translation>
    </message>
    <message>
        <source>on hand {amount}</source>
        <translation>库存 {amount}</translation>
    </message>
</context>
<context>
    <name>ItemsList</name>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>Low at</source>
        <translation>低库存线</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Expiry kept</source>
        <translation>记有效期</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>City's catalogue</source>
        <translation>市目录</translation>
    </message>
    <message>
        <source>Village's own</source>
        <translation>本村自有</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Taken off the lists</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Show items taken off the lists</source>
        <translation>显示已停用的物品</translation>
    </message>
    <message>
        <source>Name, pinyin initials or barcode</source>
        <translation>名称、拼音首字母或条码</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>新增物品…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Take off the lists</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>From the city's catalogue…</source>
        <translation>从市目录添加…</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>物品类别…</translation>
    </message>
    <message>
        <source>Hut items</source>
        <translation>小屋物品</translation>
    </message>
    <message>
        <source>Put back on the lists</source>
        <translation>恢复使用</translation>
    </message>
</context>
<context>
    <name>ListArea</name>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
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
    <message>
        <source>{name} left {windows} open, and what was typed there has not been saved. Switching user closes it and the typing is lost. To keep it, choose Cancel, unlock with the password and save it first.</source>
        <translation>{name}还开着{windows}，里面填写的内容尚未保存。切换用户会关闭它，填写的内容将丢失。如要保留，请点“取消”，输入密码解锁后先保存。</translation>
    </message>
    <message>
        <source>Switch user and lose it</source>
        <translation>切换用户，不保留</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <source>Visits and hand-overs</source>
        <translation>走访和交付记录</translation>
    </message>
    <message>
        <source>{sponsor} sponsors {head}'s household: {project}. {pledge}, from {start}.</source>
        <translation>{sponsor}认领{head}户：{project}。{pledge}，{start}起。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Nothing recorded yet: visits, hand-overs and notes show here.</source>
        <translation>尚无记录：走访、交付和说明都会显示在这里。</translation>
    </message>
    <message>
        <source>An entry is never changed. If one is wrong, choose it and add a note saying what is right.</source>
        <translation>记录一经登记就不能修改。如果某条记录有误，请选中它，添加一条说明写明正确的情况。</translation>
    </message>
    <message>
        <source>Add a note…</source>
        <translation>添加说明…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到Excel…</translation>
    </message>
    <message>
        <source>See the note</source>
        <translation>见更正说明</translation>
    </message>
    <message>
        <source>On the {kind} of {day}</source>
        <translation>更正{day}的{kind}记录</translation>
    </message>
    <message>
        <source>{head} sponsored by {sponsor} {day}</source>
        <translation>{sponsor}认领{head}户的记录 {day}</translation>
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
        <source>Village Station</source>
        <translation>村站</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Volunteer teams</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>志愿服务活动</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Good people</source>
        <translation>好人榜</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>帮扶对象</translation>
    </message>
    <message>
        <source>Sponsorships</source>
        <translation>认领认捐</translation>
    </message>
    <message>
        <source>Micro-wishes</source>
        <translation>微心愿</translation>
    </message>
    <message>
        <source>Wish board</source>
        <translation>心愿墙</translation>
    </message>
    <message>
        <source>Love hut</source>
        <translation>爱心小屋</translation>
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
    <name>MemberDialog</name>
    <message>
        <source>Add a member</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <source>Change member</source>
        <translation>修改家庭成员</translation>
    </message>
    <message>
        <source>2010-06-01 or 2010年6月1日; read from the ID number if given</source>
        <translation>2010-06-01 或 2010年6月1日；填了身份证号可不填</translation>
    </message>
    <message>
        <source>18 characters; may be left empty</source>
        <translation>共18位；可以不填</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Not a volunteer</source>
        <translation>不是志愿者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Also a volunteer</source>
        <translation>也是志愿者</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾情况</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>MonthChart</name>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Hours of service in each month</source>
        <translation>每月服务时长</translation>
    </message>
</context>
<context>
    <name>NominationDialog</name>
    <message>
        <source>Nominate a good person</source>
        <translation>推荐好人</translation>
    </message>
    <message>
        <source>Pick a volunteer…</source>
        <translation>选择志愿者…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Good deeds</source>
        <translation>主要事迹</translation>
    </message>
    <message>
        <source>Nominated by</source>
        <translation>推荐人</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Start public notice</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <source>{name} is shown on the public notice from the first day to the last. The notice lasts at least {days} days.</source>
        <translation>{name} 将从开始日期到结束日期列入公示。公示期不少于 {days} 天。</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
</context>
<context>
    <name>NoticeTab</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>From or to</source>
        <translation>捐赠方或领取方</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>估价（元）</translation>
    </message>
    <message>
        <source>What came in</source>
        <translation>接收物资</translation>
    </message>
    <message>
        <source>What went out</source>
        <translation>发放物资</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Print the notice…</source>
        <translation>打印公示…</translation>
    </message>
    <message>
        <source>Notice to Excel…</source>
        <translation>公示导出到 Excel…</translation>
    </message>
    <message>
        <source>Publish the month…</source>
        <translation>发布本月公示…</translation>
    </message>
    <message>
        <source>; cash ¥{amount} passed on to {charity}</source>
        <translation>；现金 ¥{amount} 已转交{charity}</translation>
    </message>
    <message>
        <source> (corrects {number})</source>
        <translation>（更正 {number}）</translation>
    </message>
    <message>
        <source>The notice for {month} was published on {day}: the month is closed. Corrections go into the month that is open, naming what they correct.</source>
        <translation>{month} 的公示已于 {day} 发布，该月已关账。更正记入当前未关账的月份，并注明所更正的单据。</translation>
    </message>
    <message>
        <source>{month} is open: {came_in} documents in, {went_out} out. Donors are named as they chose, households masked.</source>
        <translation>{month} 尚未关账：接收单据 {came_in} 张，发放单据 {went_out} 张。捐赠方按其本人意愿署名，领取户姓名已隐去部分。</translation>
    </message>
    <message>
        <source>Notice {month}.pdf</source>
        <translation>物资公示 {month}.pdf</translation>
    </message>
    <message>
        <source>Notice {month}</source>
        <translation>物资公示 {month}</translation>
    </message>
    <message>
        <source>Export the notice to Excel</source>
        <translation>将公示导出到 Excel</translation>
    </message>
    <message>
        <source>Publish the notice</source>
        <translation>发布公示</translation>
    </message>
    <message>
        <source>Publish the notice for {month}? The month is then closed: nothing more is entered into it, and a later correction goes into the open month, naming what it corrects.</source>
        <translation>发布 {month} 的公示吗？发布后该月关账：不能再记入该月，以后的更正记入当前未关账的月份，并注明所更正的单据。</translation>
    </message>
    <message>
        <source>Publish and close the month</source>
        <translation>发布并关账</translation>
    </message>
    <message>
        <source>The notice for {month} is published, and the month is closed.</source>
        <translation>{month} 的公示已发布，该月已关账。</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <source>Pair a sponsor with a household</source>
        <translation>为帮扶对象结对认领人</translation>
    </message>
    <message>
        <source>Change pledge</source>
        <translation>修改认捐内容</translation>
    </message>
    <message>
        <source>Choose a household…</source>
        <translation>选择帮扶对象…</translation>
    </message>
    <message>
        <source>New sponsor…</source>
        <translation>新增认领人…</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>帮扶对象</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>{sponsor} sponsors {head}'s household: {project}.</source>
        <translation>{sponsor}认领{head}户：{project}。</translation>
    </message>
    <message>
        <source>What is pledged: for example, a bag of rice and a can of oil a month</source>
        <translation>认捐什么，例如：每月一袋米、一桶油</translation>
    </message>
    <message>
        <source>2026-11-29 or 2026年11月29日; empty for today</source>
        <translation>2026-11-29或2026年11月29日；不填即为今天</translation>
    </message>
    <message>
        <source>Empty when the pledge has no end</source>
        <translation>没有结束日期就不填</translation>
    </message>
    <message>
        <source>No schedule</source>
        <translation>不分期</translation>
    </message>
    <message>
        <source>Hand-overs spread evenly from the start to the end; one not made by the end of its part is listed as missed</source>
        <translation>从开始到结束平均分成几期交付；某一期到期还没有交付，就列为未按期交付</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>认捐类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>What</source>
        <translation>认捐内容</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>分期次数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PointsTab</name>
    <message>
        <source>Search: head's name, pinyin or phone</source>
        <translation>搜索：户主姓名、拼音或电话</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Group or address</source>
        <translation>村民组或住址</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Choose a household to see its points.</source>
        <translation>选择一户，查看其积分。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Earn points…</source>
        <translation>积分获得…</translation>
    </message>
    <message>
        <source>Reverse the entry…</source>
        <translation>冲销该记录…</translation>
    </message>
    <message>
        <source>Exchange for goods…</source>
        <translation>积分兑换…</translation>
    </message>
    <message>
        <source>Reasons for points…</source>
        <translation>积分事由…</translation>
    </message>
    <message>
        <source>Points for service hours</source>
        <translation>服务时长折算积分</translation>
    </message>
    <message>
        <source>Household members who are volunteers earn points for their service hours, at the points per hour set in the system settings; each hours record earns once.</source>
        <translation>家庭成员中的志愿者按服务时长获得积分，每小时积分在系统设置中设定；每条服务时长记录只折算一次。</translation>
    </message>
    <message>
        <source>The month's points list, for the public notice</source>
        <translation>本月积分公示名单</translation>
    </message>
    <message>
        <source>Print the list…</source>
        <translation>打印名单…</translation>
    </message>
    <message>
        <source>List to Excel…</source>
        <translation>名单导出到 Excel…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>{kind} (reversed)</source>
        <translation>{kind}（已冲销）</translation>
    </message>
    <message>
        <source>Exchange {number}</source>
        <translation>兑换 {number}</translation>
    </message>
    <message>
        <source>{name}: {balance} points</source>
        <translation>{name}：{balance} 分</translation>
    </message>
    <message>
        <source>Reverse points</source>
        <translation>冲销积分</translation>
    </message>
    <message>
        <source>Take back these {points} points? The entry stays on the household's list, with the reversal beside it.</source>
        <translation>收回这 {points} 分吗？原记录仍保留在该户的积分明细中，冲销记录列在旁边。</translation>
    </message>
    <message>
        <source>Exchange {number}: {points} points spent, {balance} left.</source>
        <translation>兑换单 {number}：使用 {points} 分，剩余 {balance} 分。</translation>
    </message>
    <message>
        <source>Service hours earn no points: the system settings give 0 points per hour. Set the points per hour there first.</source>
        <translation>服务时长不折算积分：系统设置中每小时积分为 0。请先在系统设置中设定每小时积分。</translation>
    </message>
    <message>
        <source>1 service hours record earned points ({per_hour} points per hour).</source>
        <translation>1 条服务时长记录折算了积分（每小时 {per_hour} 分）。</translation>
    </message>
    <message>
        <source>{count} service hours records earned points ({per_hour} points per hour).</source>
        <translation>{count} 条服务时长记录折算了积分（每小时 {per_hour} 分）。</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Balance at the month's end</source>
        <translation>月末积分余额</translation>
    </message>
    <message>
        <source>Points {month}.pdf</source>
        <translation>积分公示 {month}.pdf</translation>
    </message>
    <message>
        <source>Points {month}</source>
        <translation>积分公示 {month}</translation>
    </message>
</context>
<context>
    <name>PostedDialog</name>
    <message>
        <source>{kind} {number}</source>
        <translation>{kind} {number}</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>估价</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Cash passed on</source>
        <translation>转交现金</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Intake slip to PDF…</source>
        <translation>接收凭证（PDF）…</translation>
    </message>
    <message>
        <source>Intake slip to a printer…</source>
        <translation>打印接收凭证…</translation>
    </message>
    <message>
        <source>Thank-you letter to PDF…</source>
        <translation>感谢信（PDF）…</translation>
    </message>
    <message>
        <source>Thank-you letter to a printer…</source>
        <translation>打印感谢信…</translation>
    </message>
    <message>
        <source>Distribution paper to PDF…</source>
        <translation>发放单（PDF）…</translation>
    </message>
    <message>
        <source>Distribution paper to a printer…</source>
        <translation>打印发放单…</translation>
    </message>
    <message>
        <source>Document to PDF…</source>
        <translation>单据存为 PDF…</translation>
    </message>
    <message>
        <source>Document to a printer…</source>
        <translation>单据送打印机…</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>新旧</translation>
    </message>
    <message>
        <source>on the way</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Value each</source>
        <translation>单价估值</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>调出数量</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>实收数量</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Why it differs</source>
        <translation>差异原因</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>调出小屋</translation>
    </message>
    <message>
        <source>To</source>
        <translation>调入小屋</translation>
    </message>
    <message>
        <source>Reverses</source>
        <translation>冲销单据</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>冲销原因</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>Points taken</source>
        <translation>使用积分</translation>
    </message>
    <message>
        <source>{amount} to {charity}, receipt {receipt}</source>
        <translation>{amount}，已转交{charity}，收据号 {receipt}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reversed by {number}</source>
        <translation>已被 {number} 冲销</translation>
    </message>
    <message>
        <source>Another PC of this village recorded the arrival of these goods first, as {numbers}; the goods are counted once, there, and this document counts nothing.</source>
        <translation>本村另一台电脑已先登记这批物品到货，单号 {numbers}；物品只在那张单据上计入一次，本单不计任何数量。</translation>
    </message>
    <message>
        <source>Another PC of this village recorded the arrival of these goods first, saying none of them arrived; this document counts nothing.</source>
        <translation>本村另一台电脑已先登记这批物品的到货情况，记为未到货；本单不计任何数量。</translation>
    </message>
    <message>
        <source>Intake slip {number}.pdf</source>
        <translation>接收凭证 {number}.pdf</translation>
    </message>
    <message>
        <source>Thank-you letter {number}.pdf</source>
        <translation>感谢信 {number}.pdf</translation>
    </message>
    <message>
        <source>Distribution {number}.pdf</source>
        <translation>物品发放单 {number}.pdf</translation>
    </message>
    <message>
        <source>{kind} {number}.pdf</source>
        <translation>{kind} {number}.pdf</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save for printing</source>
        <translation>保存以便打印</translation>
    </message>
    <message>
        <source>Could not save {file}. Choose another folder, or close the file if it is open in another program, and try again.</source>
        <translation>无法保存 {file}。请换一个文件夹；如果该文件正在其他程序中打开，请先关闭，然后再试。</translation>
    </message>
    <message>
        <source>Saved {file}, but it could not be opened. Open it from that folder to print it.</source>
        <translation>已保存 {file}，但无法自动打开。请到该文件夹中打开它再打印。</translation>
    </message>
    <message>
        <source>Could not save {file}, so nothing was entered in the register and no number was used. Choose another folder, or close the file if it is open in another program, and try again.</source>
        <translation>无法保存 {file}，因此没有登记，也没有占用编号。请换一个文件夹，或先在其他程序中关闭该文件，然后重试。</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
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
    <name>ProgrammeTab</name>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Hours of service for this many stars</source>
        <translation>达到该星级所需的服务时长</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
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
    <name>PublishDialog</name>
    <message>
        <source>Publish on the wish board</source>
        <translation>发布到心愿墙</translation>
    </message>
    <message>
        <source>In the household's words (stays in the village)</source>
        <translation>受助户的原话（只留在本村）</translation>
    </message>
    <message>
        <source>Every village's station will see the text below on the city's wish board, with the kind of wish, {band} and the village and township. Write it so nobody can tell who the household is: no names, no ID or phone numbers.</source>
        <translation>全市各村的村站都会在心愿墙上看到下面这段文字，以及心愿类别、{band} 和所在村、乡镇。请写得让人认不出是哪户人家：不写姓名，不写身份证号和电话号码。</translation>
    </message>
    <message>
        <source>For example: 本村一名小学生想要一个新书包。</source>
        <translation>如：本村一名小学生想要一个新书包。</translation>
    </message>
    <message>
        <source>Text on the board</source>
        <translation>心愿墙文字</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Show health and disability notes</source>
        <translation>查看健康和残疾情况</translation>
    </message>
    <message>
        <source>The health, disability and income notes of {name}'s household are kept from most eyes. Say why you open them: the audit log keeps who opened them and why.</source>
        <translation>户主为{name}的帮扶对象的健康、残疾和收入情况属于敏感信息。请说明查看原因：操作日志会记录查看人和原因。</translation>
    </message>
    <message>
        <source>A home visit</source>
        <translation>入户走访</translation>
    </message>
    <message>
        <source>An application for help</source>
        <translation>申请救助</translation>
    </message>
    <message>
        <source>Checking the record</source>
        <translation>核实信息</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>查看原因</translation>
    </message>
    <message>
        <source>Show the notes</source>
        <translation>查看</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>{count} chosen.</source>
        <translation>已选 {count} 项。</translation>
    </message>
    <message>
        <source>Showing the first {count}; type more to narrow the list.</source>
        <translation>只显示前 {count} 条；请多输入一些内容，缩小查找范围。</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Taken back</source>
        <translation>已冲正</translation>
    </message>
    <message>
        <source>Add honour hours…</source>
        <translation>添加荣誉时长…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>In all: {hours}</source>
        <translation>合计：{hours}</translation>
    </message>
    <message>
        <source>Choose a volunteer to see their hours.</source>
        <translation>请选择一名志愿者，查看其服务时长。</translation>
    </message>
    <message>
        <source>Hours of {name}.xlsx</source>
        <translation>{name} 服务时长.xlsx</translation>
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
        <source>Regions added: {added}; renamed: {renamed}; unchanged: {unchanged}.</source>
        <translation>新增 {added} 个，更名 {renamed} 个，未变 {unchanged} 个。</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}</source>
        <translation>无法读取文件 {path}：{reason}</translation>
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
    <name>ReverseDialog</name>
    <message>
        <source>Reverse {number}</source>
        <translation>冲销 {number}</translation>
    </message>
    <message>
        <source>A reversal dated today undoes each line of {number}; the document stays as it was posted, marked reversed.</source>
        <translation>以今天的日期冲销 {number} 的每一行；原单据保持过账时的样子，标为已冲销。</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>冲销</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>Roster and sign-in</source>
        <translation>排班与签到</translation>
    </message>
    <message>
        <source>{title}, {date} {start}–{end}</source>
        <translation>{title}，{date} {start}–{end}</translation>
    </message>
    <message>
        <source>This activity is closed and its hours are recorded; the sign-in can no longer be changed.</source>
        <translation>该活动已结束，服务时长已登记，签到不能再修改。</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Shift of the people added next: from</source>
        <translation>接下来添加人员的时段：从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Add from team</source>
        <translation>从志愿服务队添加</translation>
    </message>
    <message>
        <source>Add people…</source>
        <translation>添加人员…</translation>
    </message>
    <message>
        <source>Save sign-in</source>
        <translation>保存签到</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{name} came</source>
        <translation>{name} 已到场</translation>
    </message>
    <message>
        <source>Sign-in saved: {came} of {total} came.</source>
        <translation>签到已保存：{total} 人中有 {came} 人到场。</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Add a reason</source>
        <translation>添加积分事由</translation>
    </message>
    <message>
        <source>Change a reason</source>
        <translation>修改积分事由</translation>
    </message>
    <message>
        <source>For example: 环境卫生</source>
        <translation>例如：环境卫生</translation>
    </message>
    <message>
        <source>Offered when points are earned</source>
        <translation>获得积分时可选</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Reasons points are earned for</source>
        <translation>积分事由</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>可选</translation>
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
        <source>Add a reason…</source>
        <translation>添加事由…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Stop offering</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Offer again</source>
        <translation>重新启用</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send goods to another hut</source>
        <translation>调拨物资到其他小屋</translation>
    </message>
    <message>
        <source>Choose the hut</source>
        <translation>请选择小屋</translation>
    </message>
    <message>
        <source>To the hut of</source>
        <translation>调往</translation>
    </message>
    <message>
        <source>Name, initials or barcode; Enter adds it</source>
        <translation>名称、拼音首字母或条码，回车添加</translation>
    </message>
    <message>
        <source>Find an item</source>
        <translation>查找物品</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>调出</translation>
    </message>
    <message>
        <source>{name} — {on_hand} on hand</source>
        <translation>{name} — 库存 {on_hand}</translation>
    </message>
</context>
<context>
    <name>SetUpHutDialog</name>
    <message>
        <source>Set up the love hut</source>
        <translation>设置爱心扶贫小屋</translation>
    </message>
    <message>
        <source>The love hut</source>
        <translation>爱心扶贫小屋</translation>
    </message>
    <message>
        <source>Before the first goods are taken in, give the hut its name and say where it is.</source>
        <translation>接收第一批物品前，请填写小屋的名称和位置。</translation>
    </message>
    <message>
        <source>For example: 向阳村爱心扶贫小屋</source>
        <translation>例如：向阳村爱心扶贫小屋</translation>
    </message>
    <message>
        <source>For example: 村委会一楼东屋</source>
        <translation>例如：村委会一楼东屋</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Volunteer programme</source>
        <translation>志愿服务</translation>
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
        <source>Demo station: every account's password is {password}.</source>
        <translation>演示村站：每个账户的密码都是 {password}。</translation>
    </message>
    <message>
        <source>Choose your name in the list first.</source>
        <translation>请先在列表中选择您的姓名。</translation>
    </message>
</context>
<context>
    <name>SponsorDialog</name>
    <message>
        <source>Add a sponsor</source>
        <translation>新增认领人</translation>
    </message>
    <message>
        <source>Change sponsor</source>
        <translation>修改认领人</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>Choose a volunteer…</source>
        <translation>选择志愿者…</translation>
    </message>
    <message>
        <source>For example: 县妇联, 白城市爱心社, or the person's name</source>
        <translation>例如：县妇联、白城市爱心社，或个人的姓名</translation>
    </message>
    <message>
        <source>A phone, or whom to ask for and a phone</source>
        <translation>电话，或联系人和电话</translation>
    </message>
    <message>
        <source>Kind of sponsor</source>
        <translation>认领人类型</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称或姓名</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SponsorsTab</name>
    <message>
        <source>Sponsor</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Active sponsorships</source>
        <translation>进行中的认领</translation>
    </message>
    <message>
        <source>All sponsorships</source>
        <translation>全部认领</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add a sponsor…</source>
        <translation>新增认领人…</translation>
    </message>
    <message>
        <source>Change sponsor…</source>
        <translation>修改认领人…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到Excel…</translation>
    </message>
    <message>
        <source>{count} sponsors</source>
        <translation>共{count}个认领人</translation>
    </message>
    <message>
        <source>1 sponsor</source>
        <translation>共1个认领人</translation>
    </message>
    <message>
        <source>Sponsors {day}</source>
        <translation>认领人 {day}</translation>
    </message>
    <message>
        <source>Sponsors</source>
        <translation>认领人</translation>
    </message>
</context>
<context>
    <name>SponsorshipStatusDialog</name>
    <message>
        <source>Pause or end a sponsorship</source>
        <translation>暂停或结束认领</translation>
    </message>
    <message>
        <source>{sponsor} sponsors {head}'s household: {status}.</source>
        <translation>{sponsor}认领{head}户：{status}。</translation>
    </message>
    <message>
        <source>Pause it</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Take it up again</source>
        <translation>恢复认领</translation>
    </message>
    <message>
        <source>End it: the household waits for a sponsor again</source>
        <translation>结束：该户重新列入待认领</translation>
    </message>
    <message>
        <source>The day it changed; empty for today</source>
        <translation>变更的日期；不填即为今天</translation>
    </message>
    <message>
        <source>Why: for example, the sponsor moved away</source>
        <translation>原因，例如：认领人搬到外地</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>变更为</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SponsorshipsView</name>
    <message>
        <source>¥{amount}</source>
        <translation>¥{amount}</translation>
    </message>
    <message>
        <source>{kind}: {what}</source>
        <translation>{kind}：{what}</translation>
    </message>
    <message>
        <source>Paused since {day}</source>
        <translation>{day}起暂停</translation>
    </message>
    <message>
        <source>Ended on {day}</source>
        <translation>{day}结束</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未走访</translation>
    </message>
    <message>
        <source>{made} of {due}</source>
        <translation>已交{made}/应交{due}</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Villagers' group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>认捐</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <source>Hand-overs</source>
        <translation>交付次数</translation>
    </message>
    <message>
        <source>Sponsorships (5个100)</source>
        <translation>认领认捐（“5个100”）</translation>
    </message>
    <message>
        <source>Every project</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>Ongoing or paused</source>
        <translation>进行中或暂停</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>No visit for the days the settings say, or an instalment missed</source>
        <translation>超过设置的天数未走访，或未按期交付</translation>
    </message>
    <message>
        <source>Pair a sponsor…</source>
        <translation>结对认领人…</translation>
    </message>
    <message>
        <source>Visits and hand-overs…</source>
        <translation>走访和交付记录…</translation>
    </message>
    <message>
        <source>Record a visit…</source>
        <translation>登记走访…</translation>
    </message>
    <message>
        <source>Record a hand-over…</source>
        <translation>登记交付…</translation>
    </message>
    <message>
        <source>Change pledge…</source>
        <translation>修改认捐内容…</translation>
    </message>
    <message>
        <source>Pause or end…</source>
        <translation>暂停或结束…</translation>
    </message>
    <message>
        <source>Sponsorships {day}</source>
        <translation>认领认捐 {day}</translation>
    </message>
    <message>
        <source>Sponsorships</source>
        <translation>认领认捐</translation>
    </message>
    <message>
        <source>Sponsors</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>Waiting for a sponsor</source>
        <translation>待认领</translation>
    </message>
    <message>
        <source>Coverage and report</source>
        <translation>认领情况和报表</translation>
    </message>
    <message>
        <source>{count} sponsorships</source>
        <translation>共{count}项认领</translation>
    </message>
    <message>
        <source>1 sponsorship</source>
        <translation>共1项认领</translation>
    </message>
    <message>
        <source>⚠ {count} overdue for a visit or a hand-over</source>
        <translation>⚠ {count}项逾期未走访或未按期交付</translation>
    </message>
</context>
<context>
    <name>StarsTab</name>
    <message>
        <source>Volunteers who reached a new star level since the last announcement.</source>
        <translation>自上次公布以来达到新星级的志愿者。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>New level</source>
        <translation>新星级</translation>
    </message>
    <message>
        <source>Last announced</source>
        <translation>上次公布的星级</translation>
    </message>
    <message>
        <source>Mark as announced</source>
        <translation>标记为已公布</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Mark the new star level of 1 volunteer as announced? They leave this list until they reach the next level.</source>
        <translation>确定将 1 名志愿者的新星级标记为已公布吗？标记后会从这个列表中移除，直到达到下一个星级。</translation>
    </message>
    <message>
        <source>Mark the new star levels of {count} volunteers as announced? They leave this list until they reach the next level.</source>
        <translation>确定将 {count} 名志愿者的新星级标记为已公布吗？标记后他们会从这个列表中移除，直到达到下一个星级。</translation>
    </message>
    <message>
        <source>1 star level marked as announced.</source>
        <translation>已将 1 名志愿者的新星级标记为已公布。</translation>
    </message>
    <message>
        <source>{count} star levels marked as announced.</source>
        <translation>已将 {count} 名志愿者的新星级标记为已公布。</translation>
    </message>
    <message>
        <source>New star levels.xlsx</source>
        <translation>新晋星级.xlsx</translation>
    </message>
    <message>
        <source>New star levels</source>
        <translation>新晋星级</translation>
    </message>
</context>
<context>
    <name>StartCountDialog</name>
    <message>
        <source>Start a count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <source>Every item</source>
        <translation>全部物品</translation>
    </message>
    <message>
        <source>One category</source>
        <translation>一个类别</translation>
    </message>
    <message>
        <source>One shelf</source>
        <translation>一个货架</translation>
    </message>
    <message>
        <source>For example: A1</source>
        <translation>例如：A1</translation>
    </message>
    <message>
        <source>Blind count: hide what the list expects until every line is counted</source>
        <translation>盲盘：全部盘完前不显示账面数量</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>盘点范围</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
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
    <name>StatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>变更帮扶状态</translation>
    </message>
    <message>
        <source>{name}'s household: {status} since {day}.</source>
        <translation>户主{name}：自 {day} 起{status}。</translation>
    </message>
    <message>
        <source>The day it changed; empty for today</source>
        <translation>变更日期；不填则为今天</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新的帮扶状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>变更日期</translation>
    </message>
</context>
<context>
    <name>StockCardDialog</name>
    <message>
        <source>Stock card: {item}</source>
        <translation>库存卡：{item}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>From or to</source>
        <translation>来源/去向</translation>
    </message>
    <message>
        <source>In</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>结存</translation>
    </message>
    <message>
        <source>On hand on {day}, before the period: {amount}</source>
        <translation>期初（{day}之前）库存：{amount}</translation>
    </message>
    <message>
        <source>On hand at the end of {day}: {amount}</source>
        <translation>{day}期末库存：{amount}</translation>
    </message>
</context>
<context>
    <name>StockImportReportDialog</name>
    <message>
        <source>Import only the valid rows</source>
        <translation>只导入正确的行</translation>
    </message>
    <message>
        <source>The goods are on the shelf by the opening document {number}.</source>
        <translation>物资已按期初单 {number} 入库。</translation>
    </message>
    <message>
        <source>Nothing was imported from {file}. Rows refused: {refused}. Correct them in the workbook and import it again, or import only the valid rows.</source>
        <translation>{file} 中的内容没有导入：有 {refused} 行有问题。请在表格中改正后重新导入，或只导入正确的行。</translation>
    </message>
    <message>
        <source>Rows imported from {file}: {added}. New items in the catalogue: {made}; items found there already: {matched}.</source>
        <translation>已从 {file} 导入 {added} 行：物品目录中新增 {made} 种物品，{matched} 种已在目录中。</translation>
    </message>
    <message>
        <source>Rows left out: {refused}.</source>
        <translation>有 {refused} 行未导入。</translation>
    </message>
    <message>
        <source>1 line was passed over as not being goods: the form's footer (制表人, 合计 …) or a numbered line nobody filled in.</source>
        <translation>有 1 行不是物品，已跳过：表格的页脚（制表人、合计……）或只有序号没有填写的行。</translation>
    </message>
    <message>
        <source>{count} lines were passed over as not being goods: the form's footer (制表人, 合计 …) or numbered lines nobody filled in.</source>
        <translation>有 {count} 行不是物品，已跳过：表格的页脚（制表人、合计……）或只有序号没有填写的行。</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>Below zero</source>
        <translation>库存为负</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>临近过期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Low at</source>
        <translation>低库存线</translation>
    </message>
    <message>
        <source>Earliest expiry</source>
        <translation>最早有效期</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Two PCs handed out more than the hut had. A stocktake or a correction settles it:</source>
        <translation>两台电脑发出的物品超过了小屋的库存。请盘点或更正：</translation>
    </message>
    <message>
        <source>{item}: {on_hand}, taken below zero by {documents}</source>
        <translation>{item}：{on_hand}，由 {documents} 发出后库存为负</translation>
    </message>
    <message>
        <source>Every category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Low only</source>
        <translation>只看库存不足</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>临近过期</translation>
    </message>
    <message>
        <source>On the day</source>
        <translation>按日期</translation>
    </message>
    <message>
        <source>What was on hand at the end of a past day</source>
        <translation>过去某一天结束时的库存</translation>
    </message>
    <message>
        <source>Name, pinyin initials or barcode</source>
        <translation>名称、拼音首字母或条码</translation>
    </message>
    <message>
        <source>Stock card…</source>
        <translation>库存卡…</translation>
    </message>
    <message>
        <source>Chart…</source>
        <translation>图表…</translation>
    </message>
    <message>
        <source>Stock on hand {day}</source>
        <translation>库存 {day}</translation>
    </message>
    <message>
        <source>Stock on hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} 种物品</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 种物品</translation>
    </message>
</context>
<context>
    <name>StocktakeTab</name>
    <message>
        <source>Start a count…</source>
        <translation>开始盘点…</translation>
    </message>
    <message>
        <source>Count in progress</source>
        <translation>进行中的盘点</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Why it differs</source>
        <translation>差异原因</translation>
    </message>
    <message>
        <source>Moved during the count</source>
        <translation>盘点期间变动</translation>
    </message>
    <message>
        <source>Save the counts</source>
        <translation>保存盘点数量</translation>
    </message>
    <message>
        <source>Print the count sheet…</source>
        <translation>打印盘点表…</translation>
    </message>
    <message>
        <source>Post the count…</source>
        <translation>过账…</translation>
    </message>
    <message>
        <source>Abandon the count…</source>
        <translation>放弃盘点…</translation>
    </message>
    <message>
        <source>Opening stock from Excel…</source>
        <translation>从 Excel 导入期初库存…</translation>
    </message>
    <message>
        <source>Stock on hand to Excel…</source>
        <translation>库存导出到 Excel…</translation>
    </message>
    <message>
        <source>category {name}</source>
        <translation>类别 {name}</translation>
    </message>
    <message>
        <source>shelf {shelf}</source>
        <translation>货架 {shelf}</translation>
    </message>
    <message>
        <source>every item</source>
        <translation>全部物品</translation>
    </message>
    <message>
        <source>Count of {scope}, begun {day}</source>
        <translation>盘点{scope}，{day} 开始</translation>
    </message>
    <message>
        <source> (blind)</source>
        <translation>（盲盘）</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>不显示</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>未盘</translation>
    </message>
    <message>
        <source>No count is in progress at this PC. Start a count to check the shelves against the list.</source>
        <translation>本机没有进行中的盘点。开始盘点，核对货架与账面。</translation>
    </message>
    <message>
        <source>{lines} items to count, {uncounted} not counted yet. A line left empty is not counted; write 0 for an empty shelf.</source>
        <translation>共 {lines} 种物品，还有 {uncounted} 种未盘。空着的行算作未盘；货架上没有的请填 0。</translation>
    </message>
    <message>
        <source>{item} {quantity}{unit} ({documents})</source>
        <translation>{item} {quantity}{unit}（{documents}）</translation>
    </message>
    <message>
        <source>Moved since the count began (kept as it was, the count does not undo it): {moved}</source>
        <translation>盘点开始后的变动（照常保留，盘点不会抵消）：{moved}</translation>
    </message>
    <message>
        <source>Nothing has moved since the count began.</source>
        <translation>盘点开始后没有变动。</translation>
    </message>
    <message>
        <source>The counts are saved.</source>
        <translation>盘点数量已保存。</translation>
    </message>
    <message>
        <source>Post the count</source>
        <translation>盘点过账</translation>
    </message>
    <message>
        <source>1 item is not counted: {items}. Post the count leaving it as the list has it? Otherwise count it first (0 for an empty shelf).</source>
        <translation>有 1 种物品未盘：{items}。过账时这种物品保持账面数量不变吗？否则请先盘点（货架上没有的填 0）。</translation>
    </message>
    <message>
        <source>{count} items are not counted: {items}. Post the count leaving them as the list has them? Otherwise count them first (0 for an empty shelf).</source>
        <translation>有 {count} 种物品未盘：{items}。过账时这些物品保持账面数量不变吗？否则请先盘点（货架上没有的填 0）。</translation>
    </message>
    <message>
        <source>Post, leaving them as they are</source>
        <translation>过账，未盘的保持不变</translation>
    </message>
    <message>
        <source>Post the count? Each difference goes on the ledger with its reason, and the count is finished.</source>
        <translation>确定过账吗？每项差异连同原因记入台账，本次盘点结束。</translation>
    </message>
    <message>
        <source>The count is posted as {number}.</source>
        <translation>盘点已过账，单号 {number}。</translation>
    </message>
    <message>
        <source>The count is posted: the shelves agree with the list.</source>
        <translation>盘点已过账：账实相符。</translation>
    </message>
    <message>
        <source>Abandon the count</source>
        <translation>放弃盘点</translation>
    </message>
    <message>
        <source>Abandon this count? Nothing of it is posted; the counts typed are given up.</source>
        <translation>放弃本次盘点吗？不会过账，已填写的盘点数量将作废。</translation>
    </message>
    <message>
        <source>The count is abandoned; the list is as it was.</source>
        <translation>盘点已放弃，账面不变。</translation>
    </message>
    <message>
        <source>Count sheet {day}.pdf</source>
        <translation>盘点表 {day}.pdf</translation>
    </message>
    <message>
        <source>Import opening stock from Excel</source>
        <translation>从 Excel 导入期初库存</translation>
    </message>
    <message>
        <source>Importing the stock sheet…</source>
        <translation>正在导入库存表…</translation>
    </message>
    <message>
        <source>stock-{day}</source>
        <translation>库存-{day}</translation>
    </message>
    <message>
        <source>Export stock on hand to Excel</source>
        <translation>将库存导出到 Excel</translation>
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
        <source>{when}, did not finish</source>
        <translation>{when}（没有完成）</translation>
    </message>
    <message>
        <source>Last sync {when}</source>
        <translation>上次同步 {when}</translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation>1 项待发送</translation>
    </message>
    <message>
        <source>{count} changes waiting</source>
        <translation>{count} 项待发送</translation>
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
        <source>1 record from the city not used</source>
        <translation>1 条市里的记录未能使用</translation>
    </message>
    <message>
        <source>{count} records from the city not used</source>
        <translation>{count} 条市里的记录未能使用</translation>
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
        <source>These records from the city could not be used on this PC; everything else was. The city office has been told. Installing the newest version of Village Station may help.</source>
        <translation>下面这些从市里收到的记录在本机无法使用，其余记录都已正常使用。已自动告知市里。安装最新版本的村站软件可能会解决。</translation>
    </message>
    <message>
        <source>Records from the city not used</source>
        <translation>未能使用的市里记录</translation>
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
        <source>1 change</source>
        <translation>1 项</translation>
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
        <source>Changes the city server refused ({count})</source>
        <translation>市服务器拒收的修改（{count}）</translation>
    </message>
    <message>
        <source>Records from the city not used ({count})</source>
        <translation>未能使用的市里记录（{count}）</translation>
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
    <name>TeamDialog</name>
    <message>
        <source>New team</source>
        <translation>新建志愿服务队</translation>
    </message>
    <message>
        <source>Change team</source>
        <translation>修改志愿服务队</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Choose the kind</source>
        <translation>请选择类型</translation>
    </message>
</context>
<context>
    <name>TeamsView</name>
    <message>
        <source>Volunteer teams</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>队员人数</translation>
    </message>
    <message>
        <source>Leaders</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
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
        <source>New team…</source>
        <translation>新建志愿服务队…</translation>
    </message>
    <message>
        <source>Change team…</source>
        <translation>修改志愿服务队…</translation>
    </message>
    <message>
        <source>Show inactive teams</source>
        <translation>显示已停用的志愿服务队</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入队日期</translation>
    </message>
    <message>
        <source>Add members…</source>
        <translation>添加队员…</translation>
    </message>
    <message>
        <source>Make leader</source>
        <translation>设为队长</translation>
    </message>
    <message>
        <source>Make member</source>
        <translation>设为队员</translation>
    </message>
    <message>
        <source>Remove from team…</source>
        <translation>移出志愿服务队…</translation>
    </message>
    <message>
        <source>Choose a team to see its members.</source>
        <translation>请选择一个志愿服务队，查看其队员。</translation>
    </message>
    <message>
        <source>Members of {team}</source>
        <translation>{team}的队员</translation>
    </message>
    <message>
        <source>Add members to {team}</source>
        <translation>为{team}添加队员</translation>
    </message>
    <message>
        <source>Remove from team</source>
        <translation>移出志愿服务队</translation>
    </message>
    <message>
        <source>Remove {names} from {team}? Their hours stay; they can be added again later.</source>
        <translation>确定把{names}移出{team}吗？他们的服务时长会保留，以后还可以重新添加。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>teams-{day}</source>
        <translation>志愿服务队-{day}</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <source>What the household received</source>
        <translation>已获帮扶</translation>
    </message>
    <message>
        <source>{name}'s household, {place}</source>
        <translation>户主{name}，{place}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>From or who</source>
        <translation>提供方或参加人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>¥{amount}</source>
        <translation>{amount} 元</translation>
    </message>
    <message>
        <source>Nothing recorded yet: fulfilled micro-wishes, sponsors' visits and hand-overs, and trainings show here.</source>
        <translation>尚无记录：已实现的微心愿、认领人的走访和交付、参加的培训都会显示在这里。</translation>
    </message>
    <message>
        <source>Print visit summary…</source>
        <translation>打印走访情况表…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>{name} received {day}</source>
        <translation>{name}已获帮扶-{day}</translation>
    </message>
</context>
<context>
    <name>TotalsTab</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Star level</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者人数</translation>
    </message>
    <message>
        <source>By volunteer</source>
        <translation>按志愿者</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>按志愿服务队</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Hours per month</source>
        <translation>每月服务时长</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Hours by volunteer.xlsx</source>
        <translation>志愿者服务时长统计.xlsx</translation>
    </message>
    <message>
        <source>Hours by volunteer</source>
        <translation>志愿者服务时长统计</translation>
    </message>
    <message>
        <source>Hours by team.xlsx</source>
        <translation>志愿服务队服务时长统计.xlsx</translation>
    </message>
    <message>
        <source>Hours by team</source>
        <translation>志愿服务队服务时长统计</translation>
    </message>
</context>
<context>
    <name>TraineesDialog</name>
    <message>
        <source>Households trained</source>
        <translation>培训的帮扶对象</translation>
    </message>
    <message>
        <source>{title}, {date}</source>
        <translation>{title}，{date}</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Villagers' group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Who was trained</source>
        <translation>参加培训的人</translation>
    </message>
    <message>
        <source>Choose a household…</source>
        <translation>选择帮扶对象…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Take off the list</source>
        <translation>从名单中移除</translation>
    </message>
    <message>
        <source>{name} (head)</source>
        <translation>{name}（户主）</translation>
    </message>
    <message>
        <source>Added: {name}.</source>
        <translation>已添加：{name}。</translation>
    </message>
</context>
<context>
    <name>TransferList</name>
    <message>
        <source>From</source>
        <translation>调出小屋</translation>
    </message>
    <message>
        <source>To</source>
        <translation>调往小屋</translation>
    </message>
    <message>
        <source>Arriving from other huts</source>
        <translation>其他小屋调入</translation>
    </message>
    <message>
        <source>Sent to other huts</source>
        <translation>调往其他小屋</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>调出日期</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Confirm what arrived…</source>
        <translation>确认调入…</translation>
    </message>
    <message>
        <source>Send goods…</source>
        <translation>调拨物资…</translation>
    </message>
    <message>
        <source>Transfers in</source>
        <translation>调入</translation>
    </message>
    <message>
        <source>Transfers out</source>
        <translation>调出</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>调出数量</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>实收数量</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Why it differs</source>
        <translation>差异原因</translation>
    </message>
    <message>
        <source>{state}, reversed here too: counted at both huts</source>
        <translation>{state}，本小屋又已冲销：两个小屋都计入了</translation>
    </message>
    <message>
        <source>{state}, with a difference</source>
        <translation>{state}（有差异）</translation>
    </message>
    <message>
        <source>Choose a transfer to see its lines.</source>
        <translation>选择一张调拨单，查看其明细。</translation>
    </message>
    <message>
        <source>Lines of {number}</source>
        <translation>{number} 的明细</translation>
    </message>
    <message>
        <source>This hut reversed {number}, yet {hut} confirmed that goods of it arrived: those goods are counted at both huts. Count this hut's shelf with a stocktake to settle it.</source>
        <translation>本小屋已冲销 {number}，但{hut}确认其中物品已到货：这些物品在两个小屋都计入了库存。请对本小屋货架做一次盘点来纠正。</translation>
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
        <source>Choose a role</source>
        <translation>请选择角色</translation>
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
    <name>VolunteerChoice</name>
    <message>
        <source>No volunteer chosen</source>
        <translation>未选择志愿者</translation>
    </message>
    <message>
        <source>Choose volunteer…</source>
        <translation>选择志愿者…</translation>
    </message>
</context>
<context>
    <name>VolunteerDaysDialog</name>
    <message>
        <source>Plan volunteer days</source>
        <translation>安排志愿服务日</translation>
    </message>
    <message>
        <source>One volunteer day each Friday afternoon, 14:00 to 17:00.</source>
        <translation>每周五下午安排一次志愿服务日，时间为 14:00 至 17:00。</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>不指定志愿服务队</translation>
    </message>
    <message>
        <source>First Friday</source>
        <translation>第一个周五</translation>
    </message>
    <message>
        <source>Number of weeks</source>
        <translation>周数</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Organising team</source>
        <translation>组织志愿服务队</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <source>Register a volunteer</source>
        <translation>登记志愿者</translation>
    </message>
    <message>
        <source>Change volunteer</source>
        <translation>修改志愿者信息</translation>
    </message>
    <message>
        <source>Volunteer details</source>
        <translation>志愿者详情</translation>
    </message>
    <message>
        <source>18 characters; a lower-case x is fine</source>
        <translation>共18位；最后一位写小写 x 也可以</translation>
    </message>
    <message>
        <source>For example: first aid, driving, teaching</source>
        <translation>例如：急救、驾驶、教学</translation>
    </message>
    <message>
        <source>2026-11-29 or 2026年11月29日; empty for today</source>
        <translation>2026-11-29 或 2026年11月29日；不填则为今天</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>不加入队伍</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Gender and birth date</source>
        <translation>性别和出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>National volunteer number</source>
        <translation>全国志愿者编号</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>所属队伍</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务情况</translation>
    </message>
    <message>
        <source>— (read from a valid ID number)</source>
        <translation>—（输入有效的身份证号后自动读取）</translation>
    </message>
    <message>
        <source>, {age} years old</source>
        <translation>，{age} 岁</translation>
    </message>
    <message>
        <source>{gender}, born {born}{age}</source>
        <translation>{gender}，{born} 出生{age}</translation>
    </message>
    <message>
        <source>Another volunteer has the same name and phone ({name}). Save anyway?</source>
        <translation>另一名志愿者的姓名和电话与此相同（{name}）。仍然保存吗？</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复登记</translation>
    </message>
    <message>
        <source>A volunteer with the same name and phone exists ({name}). Register anyway?</source>
        <translation>已有一名姓名和电话都相同的志愿者（{name}）。仍要登记吗？</translation>
    </message>
    <message>
        <source>{hours} in all; stars: {stars}; teams: {teams}</source>
        <translation>共 {hours}；星级：{stars}；所属志愿服务队：{teams}</translation>
    </message>
    <message>
        <source>Register anyway</source>
        <translation>仍然登记</translation>
    </message>
</context>
<context>
    <name>VolunteerPicker</name>
    <message>
        <source>Choose volunteers</source>
        <translation>选择志愿者</translation>
    </message>
    <message>
        <source>Choose a volunteer</source>
        <translation>选择一名志愿者</translation>
    </message>
    <message>
        <source>Name, pinyin, initials, phone or last digits of the ID number</source>
        <translation>姓名、拼音、首字母、电话或身份证号后几位</translation>
    </message>
    <message>
        <source>Nobody found. Try fewer letters, or the phone number.</source>
        <translation>没有找到。请少输入几个字母，或者改用电话号码查找。</translation>
    </message>
</context>
<context>
    <name>VolunteersView</name>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Search: name, pinyin, initials (wdy), phone, or last digits of the ID number</source>
        <translation>搜索：姓名、拼音、首字母（如 wdy）、电话或身份证号后几位</translation>
    </message>
    <message>
        <source>Current (active and paused)</source>
        <translation>当前（在册和暂停）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any team</source>
        <translation>全部志愿服务队</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>所属志愿服务队</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Register a volunteer (Ctrl+N)</source>
        <translation>登记志愿者（Ctrl+N）</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Show full ID number</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <source>Find duplicates…</source>
        <translation>查找重复登记…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>1 volunteer</source>
        <translation>共 1 名志愿者</translation>
    </message>
    <message>
        <source>{name}: {hours} of service, stars: {stars}, teams: {teams}</source>
        <translation>{name}：服务时长 {hours}，星级：{stars}，所属志愿服务队：{teams}</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{count} volunteers</source>
        <translation>共 {count} 名志愿者</translation>
    </message>
    <message>
        <source>Full ID number</source>
        <translation>完整身份证号</translation>
    </message>
    <message>
        <source>ID number of {name}:</source>
        <translation>{name}的身份证号：</translation>
    </message>
    <message>
        <source>Import volunteers from Excel</source>
        <translation>从 Excel 导入志愿者</translation>
    </message>
    <message>
        <source>Importing volunteers…</source>
        <translation>正在导入志愿者…</translation>
    </message>
    <message>
        <source>volunteers-{day}</source>
        <translation>志愿者-{day}</translation>
    </message>
    <message>
        <source>Export volunteers to Excel</source>
        <translation>导出志愿者到 Excel</translation>
    </message>
</context>
<context>
    <name>WaitingTab</name>
    <message>
        <source>Every project</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Households being helped, of a project's category, with no active sponsorship in that project. A household whose sponsor ended comes back here.</source>
        <translation>正在帮扶、属于某个项目对应类别、在该项目中还没有进行中认领的帮扶对象。认领结束后，该户会重新列在这里。</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Villagers' group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Sponsors before</source>
        <translation>以往认领</translation>
    </message>
    <message>
        <source>Pair a sponsor…</source>
        <translation>结对认领人…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到Excel…</translation>
    </message>
    <message>
        <source>{sponsor}: paused</source>
        <translation>{sponsor}：已暂停</translation>
    </message>
    <message>
        <source>Ended on {day}</source>
        <translation>{day}结束</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>共{count}户待认领</translation>
    </message>
    <message>
        <source>Waiting for a sponsor {day}</source>
        <translation>待认领 {day}</translation>
    </message>
    <message>
        <source>Waiting for a sponsor</source>
        <translation>待认领</translation>
    </message>
</context>
<context>
    <name>WhyDialog</name>
    <message>
        <source>For example: entered for the wrong household</source>
        <translation>例如：记到了别的户</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>WishBoardView</name>
    <message>
        <source>Held for a claimant</source>
        <translation>已为认领人保留</translation>
    </message>
    <message>
        <source>Wish board</source>
        <translation>心愿墙</translation>
    </message>
    <message>
        <source>Waited (days)</source>
        <translation>已等待（天）</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值区间</translation>
    </message>
    <message>
        <source>Wish</source>
        <translation>心愿</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Wanted by</source>
        <translation>希望实现日期</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>认领情况</translation>
    </message>
    <message>
        <source>Any county</source>
        <translation>全部县（市、区）</translation>
    </message>
    <message>
        <source>Any township</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Any value</source>
        <translation>全部价值</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>{days} days or more</source>
        <translation>{days} 天以上</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Claimed and fulfilled ones too</source>
        <translation>也显示已认领和已实现的</translation>
    </message>
    <message>
        <source>Claim…</source>
        <translation>认领…</translation>
    </message>
    <message>
        <source>Claims made here…</source>
        <translation>本站的认领…</translation>
    </message>
    <message>
        <source>wish-board-{day}</source>
        <translation>心愿墙-{day}</translation>
    </message>
    <message>
        <source>{count} wishes on the board</source>
        <translation>心愿墙上共 {count} 个心愿</translation>
    </message>
    <message>
        <source>1 wish on the board</source>
        <translation>心愿墙上共 1 个心愿</translation>
    </message>
</context>
<context>
    <name>WishDetailsDialog</name>
    <message>
        <source>Wish details</source>
        <translation>心愿详情</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>受助户</translation>
    </message>
    <message>
        <source>The wish, in the household's words</source>
        <translation>心愿（受助户原话）</translation>
    </message>
    <message>
        <source>Kind of wish</source>
        <translation>心愿类别</translation>
    </message>
    <message>
        <source>Worth about</source>
        <translation>估计价值</translation>
    </message>
    <message>
        <source>Wanted by</source>
        <translation>希望实现日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>收集</translation>
    </message>
    <message>
        <source>Vetted on</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Text on the board</source>
        <translation>心愿墙文字</translation>
    </message>
    <message>
        <source>On the board</source>
        <translation>心愿墙上</translation>
    </message>
    <message>
        <source>Handed over on</source>
        <translation>交接日期</translation>
    </message>
    <message>
        <source>What was given</source>
        <translation>交付物品</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>交付人</translation>
    </message>
    <message>
        <source>How it was confirmed</source>
        <translation>确认方式</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>WishDialog</name>
    <message>
        <source>Collect a wish</source>
        <translation>收集心愿</translation>
    </message>
    <message>
        <source>Change wish</source>
        <translation>修改心愿</translation>
    </message>
    <message>
        <source>Choose a household…</source>
        <translation>选择帮扶对象…</translation>
    </message>
    <message>
        <source>As the household said it; this stays in the village</source>
        <translation>照受助户的原话写；这段话只留在本村</translation>
    </message>
    <message>
        <source>In yuan, like 120</source>
        <translation>单位：元，如 120</translation>
    </message>
    <message>
        <source>2026-12-31 or 2026年12月31日; may be left empty</source>
        <translation>2026-12-31 或 2026年12月31日；可不填</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>受助户</translation>
    </message>
    <message>
        <source>The wish, in the household's words</source>
        <translation>心愿（受助户原话）</translation>
    </message>
    <message>
        <source>Kind of wish</source>
        <translation>心愿类别</translation>
    </message>
    <message>
        <source>Worth about</source>
        <translation>估计价值</translation>
    </message>
    <message>
        <source>Wanted by</source>
        <translation>希望实现日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A micro-wish is worth at most ¥{cap}; one worth more is not taken up when it is vetted.</source>
        <translation>微心愿的价值最多为 ¥{cap}；超过的在审核时不予采纳。</translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>Choose the household whose wish it is.</source>
        <translation>请选择提出心愿的受助户。</translation>
    </message>
</context>
<context>
    <name>WishReportDialog</name>
    <message>
        <source>Micro-wish report</source>
        <translation>微心愿统计</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>收集</translation>
    </message>
    <message>
        <source>Fulfilled in the month</source>
        <translation>当月实现</translation>
    </message>
    <message>
        <source>Value fulfilled</source>
        <translation>实现价值</translation>
    </message>
    <message>
        <source>Wishes collected each month, by their status now</source>
        <translation>各月收集的心愿（按目前状态）</translation>
    </message>
    <message>
        <source>Waited (days)</source>
        <translation>已等待（天）</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>受助户</translation>
    </message>
    <message>
        <source>Wish</source>
        <translation>心愿</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值区间</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Wishes waiting longest on the board, today</source>
        <translation>目前在心愿墙上等待最久的心愿</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Reading the micro-wish report…</source>
        <translation>正在统计微心愿…</translation>
    </message>
    <message>
        <source>{year}: {collected} wishes collected, {fulfilled} fulfilled, worth {value} in all. From the board to a claim took {claim} days on average (at most {claim_most}); from the claim to the hand-over {fulfil} days (at most {fulfil_most}).</source>
        <translation>{year}年：收集心愿 {collected} 个，实现 {fulfilled} 个，共计 {value}。从发布到被认领平均 {claim} 天（最长 {claim_most} 天）；从认领到交付平均 {fulfil} 天（最长 {fulfil_most} 天）。</translation>
    </message>
    <message>
        <source>Micro-wish report {year}.pdf</source>
        <translation>{year}年微心愿统计表.pdf</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>各月情况</translation>
    </message>
    <message>
        <source>Waiting longest</source>
        <translation>等待最久</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Wishes fulfilled</source>
        <translation>实现心愿数</translation>
    </message>
    <message>
        <source>Value fulfilled (yuan)</source>
        <translation>实现心愿价值（元）</translation>
    </message>
    <message>
        <source>Days from the board to a claim, on average</source>
        <translation>从发布到被认领平均天数</translation>
    </message>
    <message>
        <source>Days from the claim to the hand-over, on average</source>
        <translation>从认领到交付平均天数</translation>
    </message>
    <message>
        <source>micro-wishes-{year}</source>
        <translation>微心愿-{year}</translation>
    </message>
</context>
<context>
    <name>WishesView</name>
    <message>
        <source>¥{amount}</source>
        <translation>¥{amount}</translation>
    </message>
    <message>
        <source>{name} ({village}), in contact since {day}</source>
        <translation>{name}（{village}），{day} 起已联系</translation>
    </message>
    <message>
        <source>{name} ({village}), held until {day}</source>
        <translation>{name}（{village}），保留至 {day}</translation>
    </message>
    <message>
        <source>{name}'s household: “{words}”, worth about {value}.</source>
        <translation>{name}家：“{words}”，估计价值 {value}。</translation>
    </message>
    <message>
        <source>Choose the photo of the hand-over</source>
        <translation>选择交接照片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>Micro-wishes</source>
        <translation>微心愿</translation>
    </message>
    <message>
        <source>Collected on</source>
        <translation>收集日期</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>受助户</translation>
    </message>
    <message>
        <source>Wish</source>
        <translation>心愿</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Worth about</source>
        <translation>估计价值</translation>
    </message>
    <message>
        <source>Wanted by</source>
        <translation>希望实现日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On the board</source>
        <translation>心愿墙上</translation>
    </message>
    <message>
        <source>Text on the board</source>
        <translation>心愿墙文字</translation>
    </message>
    <message>
        <source>Search: household, or words of the wish</source>
        <translation>搜索：受助户，或心愿中的字词</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Collect a wish…</source>
        <translation>收集心愿…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Vet…</source>
        <translation>审核…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>不予采纳…</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Record contact…</source>
        <translation>登记联系…</translation>
    </message>
    <message>
        <source>Fulfilled…</source>
        <translation>登记实现…</translation>
    </message>
    <message>
        <source>Let the claim go…</source>
        <translation>解除认领…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Expired…</source>
        <translation>标为过期…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新启用…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>统计…</translation>
    </message>
    <message>
        <source>micro-wishes-{day}</source>
        <translation>微心愿-{day}</translation>
    </message>
    <message>
        <source>{count} wishes</source>
        <translation>共 {count} 个心愿</translation>
    </message>
    <message>
        <source>1 wish</source>
        <translation>共 1 个心愿</translation>
    </message>
    <message>
        <source>Vet the wish</source>
        <translation>审核心愿</translation>
    </message>
    <message>
        <source>A vetted wish is within the cap of ¥{cap} and fit to publish on the city's wish board.</source>
        <translation>审核通过的心愿价值不超过 ¥{cap}，可以发布到全市的心愿墙。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Vet</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Reject the wish</source>
        <translation>不予采纳</translation>
    </message>
    <message>
        <source>Say why the wish is not taken up, so the household can be told.</source>
        <translation>请写明不予采纳的原因，以便告知受助户。</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不予采纳</translation>
    </message>
    <message>
        <source>Let the claim go</source>
        <translation>解除认领</translation>
    </message>
    <message>
        <source>The claimant gave up. The wish goes back on the city's board for another claim.</source>
        <translation>认领人放弃了。心愿重新回到心愿墙，等待他人认领。</translation>
    </message>
    <message>
        <source>Withdraw the wish</source>
        <translation>撤回心愿</translation>
    </message>
    <message>
        <source>The household no longer needs it: the wish comes off the city's board. It can be reopened later.</source>
        <translation>受助户不再需要：心愿从心愿墙撤下。以后可以重新启用。</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Reopen the wish</source>
        <translation>重新启用心愿</translation>
    </message>
    <message>
        <source>The wish is collected again, to be vetted and published anew.</source>
        <translation>心愿重新回到已收集状态，需要重新审核和发布。</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Wish expired</source>
        <translation>心愿过期</translation>
    </message>
    <message>
        <source>Take “{words}” off the city's board as expired? It can be reopened later.</source>
        <translation>把“{words}”作为过期心愿从心愿墙撤下？以后可以重新启用。</translation>
    </message>
    <message>
        <source>Mark expired</source>
        <translation>标为过期</translation>
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
        <source>Choose the person's role: it decides what they may do on this PC.</source>
        <translation>请选择此人的角色：角色决定他在这台电脑上能做什么。</translation>
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
        <source>The password is wrong. Check it and try again.</source>
        <translation>密码错误。请检查后重试。</translation>
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
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <source>Extra large</source>
        <translation>特大</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>超大</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Minutes without use before the station locks</source>
        <translation>无人操作多少分钟后自动锁定</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Daily backups to keep</source>
        <translation>保留的每日备份数</translation>
    </message>
    <message>
        <source>Star levels (hours for 1 to 5 stars)</source>
        <translation>星级（一星到五星所需时长）</translation>
    </message>
    <message>
        <source>Most honour hours per volunteer in a year</source>
        <translation>每名志愿者每年荣誉时长上限</translation>
    </message>
    <message>
        <source>Hide the middle of the ID number on certificates</source>
        <translation>志愿服务证明上隐藏身份证号中间几位</translation>
    </message>
    <message>
        <source>Shortest public notice for the good-people list (days)</source>
        <translation>好人榜最短公示期（天）</translation>
    </message>
    <message>
        <source>Most a micro-wish may be worth (yuan)</source>
        <translation>微心愿金额上限（元）</translation>
    </message>
    <message>
        <source>Days a claim holds a micro-wish for the claimant to get in touch</source>
        <translation>认领后为认领人保留心愿的天数</translation>
    </message>
    <message>
        <source>Days without a visit before a sponsorship is overdue</source>
        <translation>认领后多少天未走访即为逾期</translation>
    </message>
    <message>
        <source>Days before their expiry that the hut's goods are listed as expiring</source>
        <translation>小屋物资到期前多少天列为临期</translation>
    </message>
    <message>
        <source>What one household point is worth in goods (yuan)</source>
        <translation>每1积分可兑换物品价值（元）</translation>
    </message>
    <message>
        <source>Household points for each hour a member serves as a volunteer</source>
        <translation>家庭成员每志愿服务1小时所得积分</translation>
    </message>
    <message>
        <source>Star levels need five numbers of hours, each higher than the one before.</source>
        <translation>星级需要填写五个时长数值，每一个都要比前一个大。</translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation>请选择“是”或“否”。</translation>
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
        <source>This text is too long: at most {limit} characters can be kept.</source>
        <translation>这段文字太长了：最多只能保存 {limit} 个字。</translation>
    </message>
    <message>
        <source>This value is not in a form that can be kept. Correct it and save again.</source>
        <translation>这个内容的格式不对，无法保存。请改正后再保存。</translation>
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
        <source>This station is not enrolled with the city server yet, so it cannot sync. Ask the station admin to enroll it (with a code from the city office).</source>
        <translation>本站还没有在市服务器登记，所以不能同步。请让站长用市里发放的登记码为本站登记。</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>连不上网络</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>等了很久没有回应</translation>
    </message>
    <message>
        <source>The city server at {server} cannot be reached ({reason}). Your changes are kept on this PC and will be sent at the next sync.</source>
        <translation>无法连接市服务器 {server}（{reason}）。您的修改保存在这台电脑上，下次同步时会发送。</translation>
    </message>
    <message>
        <source>This enrollment code is for another village.</source>
        <translation>这个注册码是别的村（社区）的。</translation>
    </message>
    <message>
        <source>The city server says this station is enrolled already. If it must enroll again, ask the city office to allow it first (its enrollment may have been withdrawn); your changes are kept.</source>
        <translation>市服务器说本站已经注册过了。如果确实需要重新注册，请先请市里允许（本站的注册可能已被撤销）。本机的修改都还在。</translation>
    </message>
    <message>
        <source>Too many enrollment attempts, or wrong codes just before. Wait {seconds} seconds, check the code and try again.</source>
        <translation>注册尝试次数太多，或者刚才输错了注册码。请等 {seconds} 秒，核对注册码后再试。</translation>
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
        <source>This station is not enrolled with the city server yet. Ask the city office for an enrollment code, then enroll the station under Sync with "Enroll with the city…".</source>
        <translation>本站还没有在市服务器登记。请向市里索取登记码，然后在“数据同步”里点“在市里登记…”为本站登记。</translation>
    </message>
    <message>
        <source>The city server is busy with other stations. Your changes are kept on this PC and will be sent at the next sync.</source>
        <translation>市服务器正忙于处理其他村站。您的修改保存在这台电脑上，下次同步时会发送。</translation>
    </message>
    <message>
        <source>"{server}" is not an address this station can reach a server at. Check the city server's address (it starts with https://).</source>
        <translation>“{server}”不是能连到服务器的地址。请核对市服务器的地址（以 https:// 开头）。</translation>
    </message>
    <message>
        <source>This version of Village Station is newer than the city server, which must be updated first. Until then the station keeps working and keeps your changes.</source>
        <translation>这个版本的村站软件比市服务器新，需要先升级市服务器。在此之前本站照常使用，您的修改都会保留。</translation>
    </message>
    <message>
        <source>This version of Village Station is too old for the city server. Install the new version; until then the station keeps working and keeps your changes.</source>
        <translation>这个版本的村站软件太旧，市服务器不再接受。请安装新版本；在此之前本站照常使用，您的修改都会保留。</translation>
    </message>
    <message>
        <source>The city server no longer accepts this station (its enrollment was withdrawn). The station admin must enroll it again with a new code from the city office. Your changes are kept.</source>
        <translation>市服务器不再接受本站（本站的登记已被撤销）。需要站长用市里发放的新登记码重新登记。您的修改都还在。</translation>
    </message>
    <message>
        <source>The city server does not accept this enrollment code: it is not known, has been used already or has expired. Codes work once; ask the city office for a new one.</source>
        <translation>市服务器不接受这个登记码：登记码不对、已经用过或已过期。每个登记码只能用一次，请向市里索取新的登记码。</translation>
    </message>
    <message>
        <source>The city server refused what this station sent as too large. Your changes are kept.</source>
        <translation>本站发送的内容太大，市服务器没有接收。您的修改都还在。</translation>
    </message>
    <message>
        <source>The city server at {server} gave an answer this station cannot understand. Check the server address; your changes are kept.</source>
        <translation>市服务器 {server} 的回应本站无法识别。请核对服务器地址；您的修改都还在。</translation>
    </message>
    <message>
        <source>The city server could not take this station's request (a fault of this version of Village Station). Your changes are kept; if it happens again, tell the city office.</source>
        <translation>市服务器无法处理本站的请求（这个版本的村站软件有问题）。您的修改都还在；如果再次出现，请告知市里。</translation>
    </message>
    <message>
        <source>The city server says this station may not do this. Your changes are kept; tell the city office.</source>
        <translation>市服务器说本站无权这样做。您的修改都还在；请告知市里。</translation>
    </message>
    <message>
        <source>The address {server} answers, but not as the city server. Check the server address; your changes are kept.</source>
        <translation>地址 {server} 有回应，但它不是市服务器。请核对服务器地址；您的修改都还在。</translation>
    </message>
    <message>
        <source>The city server could not do this just now (an error on the server). Your changes are kept; try again later.</source>
        <translation>市服务器暂时无法处理（服务器出错）。您的修改都还在；请稍后再试。</translation>
    </message>
    <message>
        <source>The connection to the city server was too slow to send everything in time. Your changes are kept and will be sent at the next sync.</source>
        <translation>与市服务器的网络太慢，没能按时发送完。您的修改都还在，下次同步时会发送。</translation>
    </message>
    <message>
        <source>The city server refused the request. Your changes are kept; if it happens again, tell the city office.</source>
        <translation>市服务器拒绝了这次请求。您的修改都还在；如果再次出现，请告知市里。</translation>
    </message>
    <message>
        <source>The sync was stopped before it finished. Your changes are kept and will be sent at the next sync.</source>
        <translation>同步没有完成就停止了。您的修改都还在，下次同步时会发送。</translation>
    </message>
    <message>
        <source>The sync stopped because of an unexpected error. Your changes are kept. If it happens again, tell the city office (the details are in the station's log).</source>
        <translation>同步因意外错误停止了。您的修改都还在。如果再次出现，请告知市里（详细情况记在本站的日志里）。</translation>
    </message>
    <message>
        <source>The city server could not read this change (a fault of this version of Village Station). It is kept here; tell the city office.</source>
        <translation>市服务器无法读取这条修改（这个版本的村站软件有问题）。修改保留在本机；请告知市里。</translation>
    </message>
    <message>
        <source>A value in this record is not one the city server accepts (too long, or of the wrong kind). It is kept here; correct the record and save it again.</source>
        <translation>这条记录中有内容市服务器不接受（太长或格式不对）。修改保留在本机；请改正记录后重新保存。</translation>
    </message>
    <message>
        <source>The city server does not know this kind of record yet; it must be updated. The change is kept here.</source>
        <translation>市服务器还不认识这类记录，需要升级市服务器。修改保留在本机。</translation>
    </message>
    <message>
        <source>The city server does not know a field of this record yet; it must be updated. The change is kept here.</source>
        <translation>市服务器还不认识这条记录中的某一项，需要升级市服务器。修改保留在本机。</translation>
    </message>
    <message>
        <source>This record belongs to another village or to the city office, so this station may not change it. The change is kept here.</source>
        <translation>这条记录属于别的村或市里，本站无权修改。修改保留在本机。</translation>
    </message>
    <message>
        <source>Another village claimed this first. The change is kept here.</source>
        <translation>别的村已经先认领了。修改保留在本机。</translation>
    </message>
    <message>
        <source>This change was dated ahead of the city server's clock (this PC's date was wrong). Set the PC's date and time right; the change is kept here.</source>
        <translation>这条修改的时间比市服务器的时间还晚（这台电脑的日期不对）。请把电脑的日期和时间调准；修改保留在本机。</translation>
    </message>
    <message>
        <source>The village this was sent to is not on the city's list of villages, so the city server did not take it. It is kept here; check the village, or ask the city office to add it.</source>
        <translation>收件的村不在市里的村名单上，市服务器没有接收。这条记录保存在本机；请核对收件的村，或请市里添加该村。</translation>
    </message>
    <message>
        <source>This change is larger than the city server takes at once, so it can never be sent. It is kept here; shorten the record's long texts and save it again.</source>
        <translation>这条修改太大，超过市服务器一次能接收的限度，无法发送。修改保留在本机；请把记录中较长的文字改短后重新保存。</translation>
    </message>
    <message>
        <source>The city server refused this change. It is kept here; tell the city office.</source>
        <translation>市服务器拒绝了这条修改。修改保留在本机；请告知市里。</translation>
    </message>
    <message>
        <source>The last sync did not finish. Your changes are kept and will be sent at the next sync.</source>
        <translation>上次同步没有完成。您的修改都还在，下次同步时会发送。</translation>
    </message>
    <message>
        <source>(kept from your role)</source>
        <translation>（您的角色不能查看）</translation>
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
    <message>
        <source>This record could not be used on this PC.</source>
        <translation>这条记录在本机无法使用。</translation>
    </message>
    <message>
        <source>A value in this record does not fit what this version of Village Station keeps there.</source>
        <translation>这条记录中有内容不符合这个版本村站软件的要求。</translation>
    </message>
    <message>
        <source>This record is dated more than a day ahead of the city server's clock.</source>
        <translation>这条记录的时间比市服务器的时间晚了一天以上。</translation>
    </message>
    <message>
        <source>This version of Village Station does not know some fields of this record; the rest was used.</source>
        <translation>这个版本的村站软件不认识这条记录中的某些项，其余内容已正常使用。</translation>
    </message>
    <message>
        <source>It clashes with a record on this PC, so this station's database could not keep it.</source>
        <translation>它与本机上的一条记录冲突，本站的数据库无法保存。</translation>
    </message>
    <message>
        <source>Enter the ID number.</source>
        <translation>请输入身份证号。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters: 17 digits, then a digit or X. "{value}" has {length}.</source>
        <translation>身份证号共18位：前17位是数字，最后一位是数字或X。“{value}”有 {length} 位。</translation>
    </message>
    <message>
        <source>The ID number {value} holds no real birth date ({digits}). Check digits 7 to 14.</source>
        <translation>身份证号 {value} 中的出生日期（{digits}）不存在。请核对第7到14位。</translation>
    </message>
    <message>
        <source>The ID number {value} does not add up: its last character should be {expected}. Check each digit against the card.</source>
        <translation>身份证号 {value} 校验不通过：最后一位应为 {expected}。请对照身份证逐位核对。</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Families poor through schooling</source>
        <translation>因学致贫家庭</translation>
    </message>
    <message>
        <source>Families poor through disability</source>
        <translation>因残致贫家庭</translation>
    </message>
    <message>
        <source>Families poor through illness</source>
        <translation>因病致贫家庭</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Clothing</source>
        <translation>衣物</translation>
    </message>
    <message>
        <source>Bedding</source>
        <translation>被褥</translation>
    </message>
    <message>
        <source>Grain, oil and food</source>
        <translation>粮油食品</translation>
    </message>
    <message>
        <source>School things</source>
        <translation>学习用品</translation>
    </message>
    <message>
        <source>Appliances and furniture</source>
        <translation>家电家具</translation>
    </message>
    <message>
        <source>Health care (no prescription drugs)</source>
        <translation>药品保健（不含处方药）</translation>
    </message>
    <message>
        <source>"{value}" is not a quantity. Write how many, like 3 or 2.5.</source>
        <translation>“{value}”不是数量。请填写数量，例如 3 或 2.5。</translation>
    </message>
    <message>
        <source>A quantity cannot be below zero. Write how many there are, like 3.</source>
        <translation>数量不能小于零。请填写实际数量，例如 3。</translation>
    </message>
    <message>
        <source>A quantity of 0 moves nothing. Write how many there are, like 3.</source>
        <translation>数量为 0 等于没有物品进出。请填写实际数量，例如 3。</translation>
    </message>
    <message>
        <source>A quantity is at most {most}; {value} cannot be right.</source>
        <translation>数量最多为 {most}，{value} 不对。</translation>
    </message>
    <message>
        <source>Clean and tidy home</source>
        <translation>环境卫生</translation>
    </message>
    <message>
        <source>Volunteer service</source>
        <translation>志愿服务</translation>
    </message>
    <message>
        <source>Thrifty weddings and funerals</source>
        <translation>移风易俗</translation>
    </message>
    <message>
        <source>New</source>
        <translation>全新</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>旧物</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位或组织</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Points exchange</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>Transfer out</source>
        <translation>调拨出</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>调拨入</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>帮扶户</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Found more than recorded</source>
        <translation>盘盈</translation>
    </message>
    <message>
        <source>Entered wrongly</source>
        <translation>录入错误</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>获得</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>资金</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Merged into another record</source>
        <translation>已合并到另一条记录</translation>
    </message>
    <message>
        <source>CPC member</source>
        <translation>中共党员</translation>
    </message>
    <message>
        <source>CPC probationary member</source>
        <translation>中共预备党员</translation>
    </message>
    <message>
        <source>CYL member</source>
        <translation>共青团员</translation>
    </message>
    <message>
        <source>Member of another party</source>
        <translation>民主党派</translation>
    </message>
    <message>
        <source>Non-party</source>
        <translation>无党派人士</translation>
    </message>
    <message>
        <source>Ordinary citizen</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Village volunteer group</source>
        <translation>村志愿服务队</translation>
    </message>
    <message>
        <source>Medical and health</source>
        <translation>医疗卫生</translation>
    </message>
    <message>
        <source>Teaching in the countryside</source>
        <translation>送教下乡</translation>
    </message>
    <message>
        <source>Science for the people</source>
        <translation>科普惠民</translation>
    </message>
    <message>
        <source>Emergency and disaster relief</source>
        <translation>抢险救灾</translation>
    </message>
    <message>
        <source>Legal aid</source>
        <translation>法律援助</translation>
    </message>
    <message>
        <source>Arts</source>
        <translation>文艺</translation>
    </message>
    <message>
        <source>Poor women</source>
        <translation>贫困妇女</translation>
    </message>
    <message>
        <source>Poor through schooling</source>
        <translation>因学致贫</translation>
    </message>
    <message>
        <source>Poor through disability</source>
        <translation>因残致贫</translation>
    </message>
    <message>
        <source>Poor through illness</source>
        <translation>因病致贫</translation>
    </message>
    <message>
        <source>Minimum living allowance</source>
        <translation>低保</translation>
    </message>
    <message>
        <source>Five guarantees</source>
        <translation>五保</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾情况</translation>
    </message>
    <message>
        <source>Income notes</source>
        <translation>收入情况</translation>
    </message>
    <message>
        <source>Being helped</source>
        <translation>帮扶中</translation>
    </message>
    <message>
        <source>Out of poverty</source>
        <translation>已脱贫</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>已迁出</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已去世</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Son or daughter</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>Father or mother</source>
        <translation>父母</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>孙子女</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母</translation>
    </message>
    <message>
        <source>Brother or sister</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>Son- or daughter-in-law</source>
        <translation>儿媳或女婿</translation>
    </message>
    <message>
        <source>Micro-wish fulfilled</source>
        <translation>微心愿已实现</translation>
    </message>
    <message>
        <source>Sponsor's visit</source>
        <translation>认领人走访</translation>
    </message>
    <message>
        <source>Sponsor's hand-over</source>
        <translation>认领人交付</translation>
    </message>
    <message>
        <source>Note on a sponsorship</source>
        <translation>认领的更正说明</translation>
    </message>
    <message>
        <source>Goods from the love hut</source>
        <translation>爱心小屋发放物资</translation>
    </message>
    <message>
        <source>Points exchanged at the love hut</source>
        <translation>爱心小屋积分兑换</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Volunteer day</source>
        <translation>志愿服务日</translation>
    </message>
    <message>
        <source>Lei Feng post duty</source>
        <translation>雷锋岗值守</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>"5 × 100" project work</source>
        <translation>“5个100”项目</translation>
    </message>
    <message>
        <source>Wish delivery</source>
        <translation>微心愿送达</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Closed, hours recorded</source>
        <translation>已结束，已记时长</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>即将开展</translation>
    </message>
    <message>
        <source>Held, hours not recorded yet</source>
        <translation>已开展，待记录时长</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>志愿服务活动</translation>
    </message>
    <message>
        <source>Honour hours</source>
        <translation>荣誉时长</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>冲正记录</translation>
    </message>
    <message>
        <source>Nominated, awaiting review</source>
        <translation>已推荐，待审核</translation>
    </message>
    <message>
        <source>On public notice</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Not adopted</source>
        <translation>不予采纳</translation>
    </message>
    <message>
        <source>Helping others</source>
        <translation>助人为乐</translation>
    </message>
    <message>
        <source>Bravery</source>
        <translation>见义勇为</translation>
    </message>
    <message>
        <source>Honesty</source>
        <translation>诚实守信</translation>
    </message>
    <message>
        <source>Dedication at work</source>
        <translation>敬业奉献</translation>
    </message>
    <message>
        <source>Caring for elders and family</source>
        <translation>孝老爱亲</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{title} (h)</source>
        <translation>{title}（小时）</translation>
    </message>
    <message>
        <source>"{value}" is not a time of day. Write it like 14:00.</source>
        <translation>“{value}”不是有效的时间。请按 14:00 这样的格式填写。</translation>
    </message>
    <message>
        <source>The end time must be after the start time.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Hours for one record must be more than 0 and at most {most}.</source>
        <translation>一条记录的时长必须大于 0，且最多 {most} 小时。</translation>
    </message>
    <message>
        <source>"{value}" is not a date. Write it like 2026-11-29 or 2026年11月29日.</source>
        <translation>“{value}”不是有效的日期。请按 2026-11-29 或 2026年11月29日 这样的格式填写。</translation>
    </message>
    <message>
        <source>Choose the kind of activity from the list.</source>
        <translation>请从列表中选择活动类型。</translation>
    </message>
    <message>
        <source>Enter a title for the activity.</source>
        <translation>请输入活动名称。</translation>
    </message>
    <message>
        <source>This activity no longer exists. Refresh the list.</source>
        <translation>这个活动已不存在。请刷新列表。</translation>
    </message>
    <message>
        <source>"{title}" is {status}; only a planned activity can be changed.</source>
        <translation>“{title}”的状态是“{status}”；只有计划中的活动才能修改。</translation>
    </message>
    <message>
        <source>Plan between 1 and 52 weeks at a time.</source>
        <translation>每次可安排1到52周。</translation>
    </message>
    <message>
        <source>Each of these Fridays has a volunteer day already ({dates}), so none was planned. Choose a later first Friday or more weeks.</source>
        <translation>所选的每个周五都已有志愿服务日（{dates}），因此没有新安排。请选择更晚的第一个周五，或增加周数。</translation>
    </message>
    <message>
        <source>This volunteer no longer exists. Refresh the list and choose another.</source>
        <translation>这名志愿者已不存在。请刷新列表，重新选择。</translation>
    </message>
    <message>
        <source>{name} cannot take part: the record is marked "{status}". Choose the volunteer's current record.</source>
        <translation>{name}不能参加：这条记录的状态是“{status}”。请选择这名志愿者当前在用的记录。</translation>
    </message>
    <message>
        <source>"{title}" is already closed and its hours are recorded.</source>
        <translation>“{title}”已经结束，服务时长已记录。</translation>
    </message>
    <message>
        <source>"{title}" is on {date}, and this computer's date is {today}. An activity is closed, and its hours recorded, on its day or later. If the computer's date is wrong, correct it first.</source>
        <translation>“{title}”在 {date} 开展，而本机日期是 {today}。活动要在开展当天或之后才能结束并记录服务时长。如果本机日期不对，请先改正。</translation>
    </message>
    <message>
        <source>Nobody is marked as having come to "{title}". Tick who came before closing it, or cancel the activity.</source>
        <translation>“{title}”还没有标记任何人到场。请先勾选到场人员再结束活动，或者取消这个活动。</translation>
    </message>
    <message>
        <source>The end of the period is before its start. Check the dates.</source>
        <translation>截止日期早于开始日期。请检查日期。</translation>
    </message>
    <message>
        <source>{name} has no service hours between {start} and {end}. Choose another period.</source>
        <translation>{name}在 {start} 至 {end} 期间没有服务时长。请选择其他时间段。</translation>
    </message>
    <message>
        <source>{name} was given a certificate for {start} to {end} on {issued_on}, number {number}. For another copy of it, choose it in the issue register and press Reprint.</source>
        <translation>{issued_on} 已为{name}开具过 {start} 至 {end} 的证明，编号 {number}。如需再要一份，请在发放登记簿中选中它，点“补打”。</translation>
    </message>
    <message>
        <source>This certificate is not in the register. Refresh the list.</source>
        <translation>登记簿中没有这份志愿服务证明。请刷新列表。</translation>
    </message>
    <message>
        <source>This nomination no longer exists. Refresh the list.</source>
        <translation>这条推荐已不存在。请刷新列表。</translation>
    </message>
    <message>
        <source>The nomination of {name} is "{status}"; this step is not possible now.</source>
        <translation>对{name}的推荐目前是“{status}”状态，现在不能进行这一步。</translation>
    </message>
    <message>
        <source>Enter the name of the person nominated.</source>
        <translation>请输入被推荐人的姓名。</translation>
    </message>
    <message>
        <source>Choose the kind of good deed from the list.</source>
        <translation>请从列表中选择好人好事类别。</translation>
    </message>
    <message>
        <source>Describe the good deeds: what the person did, when and for whom.</source>
        <translation>请写明事迹：这个人做了什么事、什么时间、为谁做的。</translation>
    </message>
    <message>
        <source>The notice cannot start before the nomination ({date}). Choose a later start.</source>
        <translation>公示不能早于推荐日期（{date}）开始。请选择晚一些的开始日期。</translation>
    </message>
    <message>
        <source>A public notice lasts at least {days} days. Let it run until {date} or later.</source>
        <translation>公示期至少 {days} 天。请把公示截止日期定在 {date} 或之后。</translation>
    </message>
    <message>
        <source>The public notice runs until {end}. The nomination can be published from {date}.</source>
        <translation>公示到 {end} 结束。{date} 起才能发布这条推荐。</translation>
    </message>
    <message>
        <source>Write why the nomination is not adopted.</source>
        <translation>请写明不予采纳的原因。</translation>
    </message>
    <message>
        <source>Write the reason, so others can see later why the hours were changed.</source>
        <translation>请写明原因，方便以后查看时长为什么被修改。</translation>
    </message>
    <message>
        <source>At most {cap} honour hours a year may be added for one volunteer. {name} has {left} hours left for {year}.</source>
        <translation>每名志愿者每年最多可增加 {cap} 小时荣誉时长。{name}在 {year} 年还剩 {left} 小时。</translation>
    </message>
    <message>
        <source>This hours record no longer exists. Refresh the list.</source>
        <translation>这条时长记录已不存在。请刷新列表。</translation>
    </message>
    <message>
        <source>This record is itself a correction and cannot be reversed. Correct the record it replaced, or add the right hours.</source>
        <translation>这条记录本身就是冲正记录，不能再冲正。请更正它所替换的原记录，或者补录正确的时长。</translation>
    </message>
    <message>
        <source>This record has already been reversed. Correct its replacement instead.</source>
        <translation>这条记录已经冲正过了。请改为更正替换它的那条记录。</translation>
    </message>
    <message>
        <source>Enter the team's name.</source>
        <translation>请输入志愿服务队名称。</translation>
    </message>
    <message>
        <source>A team name has at most 100 characters. Shorten it.</source>
        <translation>志愿服务队名称最多100个字。请缩短一些。</translation>
    </message>
    <message>
        <source>There is already a team called "{name}". Choose another name.</source>
        <translation>已经有名为“{name}”的志愿服务队了。请换一个名称。</translation>
    </message>
    <message>
        <source>Choose the kind of team from the list.</source>
        <translation>请从列表中选择志愿服务队类型。</translation>
    </message>
    <message>
        <source>The village has its own group already: "{name}". Choose the kind of this team from the other kinds in the list.</source>
        <translation>本村已有村志愿服务队：“{name}”。请从列表中为这支队伍选择其他类型。</translation>
    </message>
    <message>
        <source>Choose the member's role from the list.</source>
        <translation>请从列表中选择队员的角色。</translation>
    </message>
    <message>
        <source>This team no longer exists. Refresh the list and choose another.</source>
        <translation>这个志愿服务队已不存在。请刷新列表，重新选择。</translation>
    </message>
    <message>
        <source>{name} cannot join a team: the record is marked "{status}". Choose the volunteer's current record.</source>
        <translation>{name}不能加入志愿服务队：这条记录的状态是“{status}”。请选择这名志愿者当前在用的记录。</translation>
    </message>
    <message>
        <source>{name} is already a member of {team}.</source>
        <translation>{name}已经是{team}的队员了。</translation>
    </message>
    <message>
        <source>This person is no longer a member of the team. Refresh the list.</source>
        <translation>此人已不是该队队员。请刷新列表。</translation>
    </message>
    <message>
        <source>No header row with the columns 姓名 and 身份证号 was found on the first sheet. Put the column names in one row above the volunteers, then try again.</source>
        <translation>第一个工作表中没有找到含“姓名”和“身份证号”列的标题行。请在志愿者数据上方用一行写好列名，然后再试。</translation>
    </message>
    <message>
        <source>The ID number {value} was saved by Excel as a number, which keeps only 15 digits, so its last digits are lost. Format the ID column as text, type the number again and import again.</source>
        <translation>身份证号 {value} 被 Excel 存成了数字，只保留15位，后几位已经丢失。请把身份证号这一列设置为“文本”格式，重新输入号码后再导入。</translation>
    </message>
    <message>
        <source>"{value}" is not a political status. Write one of 中共党员, 中共预备党员, 共青团员, 民主党派, 无党派人士, 群众, or leave it empty.</source>
        <translation>“{value}”不是有效的政治面貌。请填写 中共党员、中共预备党员、共青团员、民主党派、无党派人士、群众 中的一项，或者不填。</translation>
    </message>
    <message>
        <source>"{value}" is not a volunteer status. Write 在册, 暂停 or 已退出, or leave it empty.</source>
        <translation>“{value}”不是有效的志愿者状态。请填写 在册、暂停 或 已退出，或者不填。</translation>
    </message>
    <message>
        <source>The gender column says "{given}", but the ID number {masked} is a {expected}'s. Check the ID number and the gender.</source>
        <translation>性别一列填的是“{given}”，但身份证号 {masked} 对应的性别是“{expected}”。请核对身份证号和性别。</translation>
    </message>
    <message>
        <source>The ID number {masked} is already in row {first} of this file; this row was not added.</source>
        <translation>身份证号 {masked} 已在本文件第 {first} 行出现过；这一行没有导入。</translation>
    </message>
    <message>
        <source>{other_name} with the phone number {phone} is already registered; this row was not added. If it is another person, register them in the Volunteers area.</source>
        <translation>{other_name}（电话 {phone}）已经登记过，这一行没有导入。如果是另一个人，请在“志愿者”里单独登记。</translation>
    </message>
    <message>
        <source>Enter the volunteer's name.</source>
        <translation>请输入志愿者姓名。</translation>
    </message>
    <message>
        <source>Health, disability and income notes are kept from your role ({role}). Ask the volunteer coordinator or the station admin.</source>
        <translation>您的角色（{role}）不能查看健康、残疾和收入情况。请找志愿服务联络员或站长。</translation>
    </message>
    <message>
        <source>Enter the name of the category.</source>
        <translation>请填写类别名称。</translation>
    </message>
    <message>
        <source>A category's name has at most 64 characters.</source>
        <translation>类别名称最多 64 个字。</translation>
    </message>
    <message>
        <source>There is already a category called "{name}". Choose another name.</source>
        <translation>已经有名为“{name}”的类别。请换一个名称。</translation>
    </message>
    <message>
        <source>The built-in categories of help cannot be changed; add a category of your own instead.</source>
        <translation>系统自带的帮扶类别不能修改；可以添加本村自己的类别。</translation>
    </message>
    <message>
        <source>This category is no longer on the list. Refresh the list.</source>
        <translation>这个类别已不在列表中。请刷新列表。</translation>
    </message>
    <message>
        <source>"{value}" is not a number of people. Write how many live in the household, like 4.</source>
        <translation>“{value}”不是人数。请填写家庭人口数，例如 4。</translation>
    </message>
    <message>
        <source>A household has at most {most} people; {value} cannot be right.</source>
        <translation>一户最多 {most} 人，{value} 不对。</translation>
    </message>
    <message>
        <source>Choose the categories of help from the list.</source>
        <translation>请从列表中选择帮扶类别。</translation>
    </message>
    <message>
        <source>Enter the name of the head of the household.</source>
        <translation>请填写户主姓名。</translation>
    </message>
    <message>
        <source>A name has at most 64 characters.</source>
        <translation>姓名最多64个字。</translation>
    </message>
    <message>
        <source>This text is too long: at most {most} characters can be kept.</source>
        <translation>内容太长：最多只能保存 {most} 个字。</translation>
    </message>
    <message>
        <source>The date {value} is in the future. Enter the day the status changed.</source>
        <translation>日期 {value} 还没到。请填写状态变更的日期。</translation>
    </message>
    <message>
        <source>The household of {other_name} is already registered with the ID number {masked}. Check the number, or open that household instead.</source>
        <translation>户主为{other_name}的帮扶对象已用身份证号 {masked} 登记。请核对号码，或者打开那条记录。</translation>
    </message>
    <message>
        <source>A household of {other_name} at {address} is already registered. If this is another household, save again to keep it anyway.</source>
        <translation>{address}已登记了户主为{other_name}的帮扶对象。如果是另一户，请再保存一次。</translation>
    </message>
    <message>
        <source>This household was merged into another record. Change the record it was merged into.</source>
        <translation>这条帮扶对象记录已合并到另一条记录。请修改合并后保留的记录。</translation>
    </message>
    <message>
        <source>The household has this status since that day already. Choose another status or day.</source>
        <translation>该帮扶对象从这一天起已经是这个状态。请选择其他状态或日期。</translation>
    </message>
    <message>
        <source>Say why you open these notes (for example: a home visit, an application for help).</source>
        <translation>请说明查看原因（例如：入户走访、申请救助）。</translation>
    </message>
    <message>
        <source>Say why in at most 200 characters.</source>
        <translation>查看原因最多 200 个字。</translation>
    </message>
    <message>
        <source>Enter the member's name.</source>
        <translation>请填写家庭成员的姓名。</translation>
    </message>
    <message>
        <source>Choose the relation to the head from the list.</source>
        <translation>请从列表中选择与户主的关系。</translation>
    </message>
    <message>
        <source>The birth date {value} is in the future. Check it.</source>
        <translation>出生日期 {value} 还没到。请核对。</translation>
    </message>
    <message>
        <source>The birth date {value} is not the one in the ID number ({born}). Check both.</source>
        <translation>出生日期 {value} 与身份证号中的出生日期（{born}）不一致。请核对两者。</translation>
    </message>
    <message>
        <source>This member is no longer in the household. Refresh the list.</source>
        <translation>这名家庭成员已不在本户中。请刷新列表。</translation>
    </message>
    <message>
        <source>Households trained are recorded for a training that was not cancelled. Choose a training.</source>
        <translation>只有未撤销的培训活动才能登记参加培训的帮扶对象。请选择一次培训。</translation>
    </message>
    <message>
        <source>{name} is not a member of this household. Choose one of its members.</source>
        <translation>{name}不是这一户的家庭成员。请选择本户的成员。</translation>
    </message>
    <message>
        <source>{name} is already recorded as trained at this training.</source>
        <translation>{name}已登记为参加了这次培训。</translation>
    </message>
    <message>
        <source>This person is no longer on the list of those trained. Refresh the list.</source>
        <translation>这个人已不在参加培训的名单中。请刷新列表。</translation>
    </message>
    <message>
        <source>Choose the political status from the list.</source>
        <translation>请从列表中选择政治面貌。</translation>
    </message>
    <message>
        <source>Choose the status from the list.</source>
        <translation>请从列表中选择状态。</translation>
    </message>
    <message>
        <source>The registration date {value} is in the future. Enter the day the person registered.</source>
        <translation>注册日期 {value} 还没到。请输入此人实际注册的日期。</translation>
    </message>
    <message>
        <source>A volunteer number has at most 32 characters.</source>
        <translation>志愿者编号最多32个字符。</translation>
    </message>
    <message>
        <source>An address has at most 200 characters.</source>
        <translation>地址最多200个字。</translation>
    </message>
    <message>
        <source>{other_name} is already registered with the ID number {masked}. Check the number, or open {other_name}'s record instead.</source>
        <translation>身份证号 {masked} 已经登记为{other_name}。请核对号码，或者直接打开{other_name}的记录。</translation>
    </message>
    <message>
        <source>{other_name} with the phone number {phone} is already registered. If this is another person, save again to register them anyway.</source>
        <translation>电话为 {phone} 的{other_name}已经登记过了。如果这是另一个人，请再点一次保存，照常登记。</translation>
    </message>
    <message>
        <source>Another volunteer, {other_name}, has this name and the phone number {phone}. If this is another person, save again to keep your change anyway.</source>
        <translation>另一名志愿者{other_name}的姓名和电话 {phone} 与此相同。如果这是另一个人，请再点一次保存，仍然保存这次修改。</translation>
    </message>
    <message>
        <source>Someone who has left joins no team. Choose no team, or another status.</source>
        <translation>已退出的志愿者不能加入队伍。请选择“不加入队伍”，或选择其他状态。</translation>
    </message>
    <message>
        <source>This record was merged into another one. Edit the record it was merged into.</source>
        <translation>这条记录已合并到另一条记录。请修改合并后的那条记录。</translation>
    </message>
    <message>
        <source>This household is no longer on the list. Refresh the list and choose another.</source>
        <translation>这户帮扶对象已不在列表中。请刷新列表后重新选择。</translation>
    </message>
    <message>
        <source>A record cannot be merged into itself. Choose two records.</source>
        <translation>记录不能与自己合并。请选择两条不同的记录。</translation>
    </message>
    <message>
        <source>{name}'s record was itself merged into another one. Keep that other record instead.</source>
        <translation>{name}的记录本身已合并到另一条记录。请改为保留那条记录。</translation>
    </message>
    <message>
        <source>{name}'s record is already merged.</source>
        <translation>{name}的记录已经合并过了。</translation>
    </message>
    <message>
        <source>This file is not an Excel workbook (.xlsx). Open it in Excel or WPS and save it as "Excel Workbook (*.xlsx)", then try again.</source>
        <translation>这个文件不是 Excel 工作簿（.xlsx）。请用 Excel 或 WPS 打开，另存为“Excel 工作簿(*.xlsx)”后再试。</translation>
    </message>
    <message>
        <source>This Excel file cannot be read; it may be damaged. Open it in Excel or WPS, save it again as .xlsx, then try again.</source>
        <translation>无法读取这个 Excel 文件，文件可能已损坏。请用 Excel 或 WPS 打开，重新另存为 .xlsx 后再试。</translation>
    </message>
    <message>
        <source>Enter what the wish is worth, in yuan.</source>
        <translation>请填写心愿的估计价值（元）。</translation>
    </message>
    <message>
        <source>A micro-wish is worth at most ¥{cap}; this one is ¥{value}. Reject it, or help the household another way.</source>
        <translation>微心愿的价值最多为 ¥{cap}，这个心愿为 ¥{value}。请不予采纳，或用其他方式帮助这户人家。</translation>
    </message>
    <message>
        <source>Collected, to be vetted</source>
        <translation>已收集，待审核</translation>
    </message>
    <message>
        <source>Vetted, not yet published</source>
        <translation>已审核，未发布</translation>
    </message>
    <message>
        <source>Not taken up</source>
        <translation>不予采纳</translation>
    </message>
    <message>
        <source>On the wish board</source>
        <translation>已发布到心愿墙</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>已实现</translation>
    </message>
    <message>
        <source>Waiting for someone to claim it</source>
        <translation>等待认领</translation>
    </message>
    <message>
        <source>Claimed, in contact</source>
        <translation>已认领，正在联系</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>爱心人士</translation>
    </message>
    <message>
        <source>Work unit or organisation</source>
        <translation>爱心单位</translation>
    </message>
    <message>
        <source>Waiting for the city server</source>
        <translation>等待市里确认</translation>
    </message>
    <message>
        <source>Held for the claimant</source>
        <translation>已为认领人保留</translation>
    </message>
    <message>
        <source>Claimed by another village first</source>
        <translation>已被其他村先认领</translation>
    </message>
    <message>
        <source>Hold ran out, back on the board</source>
        <translation>保留期已过，重新上墙</translation>
    </message>
    <message>
        <source>Let go by the wish's village</source>
        <translation>心愿所在村已解除认领</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>学习用品</translation>
    </message>
    <message>
        <source>Clothing and bedding</source>
        <translation>衣物被褥</translation>
    </message>
    <message>
        <source>Daily necessities</source>
        <translation>生活用品</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>米面粮油</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>康复护理</translation>
    </message>
    <message>
        <source>Household appliance</source>
        <translation>家用电器</translation>
    </message>
    <message>
        <source>Company and help at home</source>
        <translation>陪伴与居家服务</translation>
    </message>
    <message>
        <source>Write the wish as the city's board will show it, without names or numbers.</source>
        <translation>请按心愿墙上显示的样子写这条心愿，不要写姓名和号码。</translation>
    </message>
    <message>
        <source>The board's text still gives the household away: {found}. Take out names, ID numbers and phone numbers; the village and township are shown anyway.</source>
        <translation>发布的文字仍能让人认出这户人家：{found}。请删去姓名、身份证号和电话号码；村和乡镇会另行显示。</translation>
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
        <translation>系统设置</translation>
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
        <source>report of a record from the city not used</source>
        <translation>未能使用的市里记录的报告</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>volunteer team</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>team member</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>志愿服务活动</translation>
    </message>
    <message>
        <source>activity participant</source>
        <translation>活动参加人员</translation>
    </message>
    <message>
        <source>service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>star level reached</source>
        <translation>星级晋升记录</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>志愿服务证明</translation>
    </message>
    <message>
        <source>good-people nomination</source>
        <translation>好人榜推荐</translation>
    </message>
    <message>
        <source>category of help</source>
        <translation>帮扶类别</translation>
    </message>
    <message>
        <source>household</source>
        <translation>帮扶对象</translation>
    </message>
    <message>
        <source>household member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>household member trained</source>
        <translation>参加培训的家庭成员</translation>
    </message>
    <message>
        <source>micro-wish</source>
        <translation>微心愿</translation>
    </message>
    <message>
        <source>wish on the city board</source>
        <translation>心愿墙上的心愿</translation>
    </message>
    <message>
        <source>claim on a wish</source>
        <translation>心愿认领</translation>
    </message>
    <message>
        <source>photo of a fulfilled wish</source>
        <translation>心愿实现照片</translation>
    </message>
    <message>
        <source>sponsor</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>sponsorship</source>
        <translation>认领认捐</translation>
    </message>
    <message>
        <source>visit, hand-over or note</source>
        <translation>走访、交付或说明</translation>
    </message>
    <message>
        <source>love hut</source>
        <translation>爱心扶贫小屋</translation>
    </message>
    <message>
        <source>item category</source>
        <translation>物品类别</translation>
    </message>
    <message>
        <source>item of the city's catalogue</source>
        <translation>市级物品目录中的物品</translation>
    </message>
    <message>
        <source>item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <source>hut document</source>
        <translation>小屋单据</translation>
    </message>
    <message>
        <source>line of a hut document</source>
        <translation>小屋单据明细</translation>
    </message>
    <message>
        <source>transfer between huts</source>
        <translation>小屋间调拨</translation>
    </message>
    <message>
        <source>line of a transfer</source>
        <translation>调拨明细</translation>
    </message>
    <message>
        <source>goods received of a transfer</source>
        <translation>调拨到货</translation>
    </message>
    <message>
        <source>reason for points</source>
        <translation>积分事由</translation>
    </message>
    <message>
        <source>household points</source>
        <translation>帮扶户积分</translation>
    </message>
    <message>
        <source>month of the hut published</source>
        <translation>小屋已公示月份</translation>
    </message>
    <message>
        <source>draft hut document</source>
        <translation>小屋单据草稿</translation>
    </message>
    <message>
        <source>line of a draft hut document</source>
        <translation>小屋单据草稿明细</translation>
    </message>
    <message>
        <source>stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>line of a stocktake</source>
        <translation>盘点明细</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>启用</translation>
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
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>city server</source>
        <translation>市服务器</translation>
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
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>merged into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>merged record</source>
        <translation>被合并的记录</translation>
    </message>
    <message>
        <source>team places moved</source>
        <translation>转移的所属队伍</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>重复记录</translation>
    </message>
    <message>
        <source>lines passed over, not people</source>
        <translation>跳过的非人员行</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>team</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>joined on</source>
        <translation>入队日期</translation>
    </message>
    <message>
        <source>title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>trained</source>
        <translation>培训对象</translation>
    </message>
    <message>
        <source>closed on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>on the roster</source>
        <translation>已排班</translation>
    </message>
    <message>
        <source>came</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>served on</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>service</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>reverses</source>
        <translation>冲正的记录</translation>
    </message>
    <message>
        <source>in place of</source>
        <translation>更正的记录</translation>
    </message>
    <message>
        <source>recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>noticed on</source>
        <translation>晋升日期</translation>
    </message>
    <message>
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>issued on</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>period from</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>period to</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>开具单位</translation>
    </message>
    <message>
        <source>ID number printed</source>
        <translation>打印的身份证号</translation>
    </message>
    <message>
        <source>reprint of</source>
        <translation>补打的原证明</translation>
    </message>
    <message>
        <source>issued by</source>
        <translation>开具人</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>deeds</source>
        <translation>事迹</translation>
    </message>
    <message>
        <source>nominated by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>nominated on</source>
        <translation>推荐日期</translation>
    </message>
    <message>
        <source>notice from</source>
        <translation>公示开始</translation>
    </message>
    <message>
        <source>notice to</source>
        <translation>公示结束</translation>
    </message>
    <message>
        <source>decided on</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>decision note</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>value kept</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <source>other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>settled by</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>villagers' group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>people in the household</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>categories of help</source>
        <translation>帮扶类别</translation>
    </message>
    <message>
        <source>cause of poverty</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <source>health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>disability</source>
        <translation>残疾情况</translation>
    </message>
    <message>
        <source>income notes</source>
        <translation>收入情况</translation>
    </message>
    <message>
        <source>status since</source>
        <translation>状态变化日期</translation>
    </message>
    <message>
        <source>next yearly check</source>
        <translation>下次年度复核</translation>
    </message>
    <message>
        <source>relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>the wish in the household's words</source>
        <translation>心愿原话</translation>
    </message>
    <message>
        <source>estimated value</source>
        <translation>估计价值</translation>
    </message>
    <message>
        <source>wanted by</source>
        <translation>希望实现日期</translation>
    </message>
    <message>
        <source>collected on</source>
        <translation>收集日期</translation>
    </message>
    <message>
        <source>collected by</source>
        <translation>收集人</translation>
    </message>
    <message>
        <source>vetted on</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>published on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>text on the board</source>
        <translation>心愿墙上的文字</translation>
    </message>
    <message>
        <source>contact made on</source>
        <translation>联系日期</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>认领</translation>
    </message>
    <message>
        <source>fulfilled on</source>
        <translation>实现日期</translation>
    </message>
    <message>
        <source>what was given</source>
        <translation>送达物品</translation>
    </message>
    <message>
        <source>given by</source>
        <translation>送达人</translation>
    </message>
    <message>
        <source>confirmed by the household</source>
        <translation>帮扶对象已确认</translation>
    </message>
    <message>
        <source>the household's confirmation</source>
        <translation>帮扶对象的确认</translation>
    </message>
    <message>
        <source>value from</source>
        <translation>价值下限</translation>
    </message>
    <message>
        <source>value up to</source>
        <translation>价值上限</translation>
    </message>
    <message>
        <source>state on the board</source>
        <translation>心愿墙状态</translation>
    </message>
    <message>
        <source>days a claim holds the wish</source>
        <translation>认领保留天数</translation>
    </message>
    <message>
        <source>claim let go</source>
        <translation>已解除的认领</translation>
    </message>
    <message>
        <source>village of the wish</source>
        <translation>心愿所在村</translation>
    </message>
    <message>
        <source>wish on the board</source>
        <translation>心愿墙上的心愿</translation>
    </message>
    <message>
        <source>claimant</source>
        <translation>认领人类型</translation>
    </message>
    <message>
        <source>claimant's name</source>
        <translation>认领人姓名</translation>
    </message>
    <message>
        <source>claimant's contact</source>
        <translation>认领人联系方式</translation>
    </message>
    <message>
        <source>claimed on</source>
        <translation>认领日期</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>held until</source>
        <translation>保留至</translation>
    </message>
    <message>
        <source>hold ran out</source>
        <translation>保留期已过</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>kind of pledge</source>
        <translation>认捐类型</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>pledge</source>
        <translation>认捐内容</translation>
    </message>
    <message>
        <source>from</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>instalments</source>
        <translation>分期次数</translation>
    </message>
    <message>
        <source>why it was paused or ended</source>
        <translation>暂停或结束的原因</translation>
    </message>
    <message>
        <source>on</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>note on</source>
        <translation>更正的记录</translation>
    </message>
    <message>
        <source>opened on</source>
        <translation>开办日期</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>has an expiry date</source>
        <translation>有有效期</translation>
    </message>
    <message>
        <source>barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>price in points</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>low at</source>
        <translation>低库存提醒数量</translation>
    </message>
    <message>
        <source>named on the public notice</source>
        <translation>公示时显示姓名</translation>
    </message>
    <message>
        <source>posted on</source>
        <translation>过账日期</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>given to</source>
        <translation>发放对象</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>调拨</translation>
    </message>
    <message>
        <source>corrects</source>
        <translation>更正的单据</translation>
    </message>
    <message>
        <source>cash passed on</source>
        <translation>转交的现金</translation>
    </message>
    <message>
        <source>charity the cash went to</source>
        <translation>现金接收的慈善机构</translation>
    </message>
    <message>
        <source>the charity's receipt number</source>
        <translation>慈善机构收据号</translation>
    </message>
    <message>
        <source>document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>estimated value of one</source>
        <translation>单件估价</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>新旧程度</translation>
    </message>
    <message>
        <source>expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>sent on</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <source>sent by</source>
        <translation>发出人</translation>
    </message>
    <message>
        <source>quantity received</source>
        <translation>实收数量</translation>
    </message>
    <message>
        <source>received on</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <source>received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>approved by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>published by</source>
        <translation>公示人</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>line</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>started on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>expected quantities hidden</source>
        <translation>隐藏账面数量（盲盘）</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>team name</source>
        <translation>队名</translation>
    </message>
    <message>
        <source>place name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>name of the category</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <source>kind of sponsor</source>
        <translation>认领人类型</translation>
    </message>
    <message>
        <source>kind of wish</source>
        <translation>心愿类别</translation>
    </message>
    <message>
        <source>claimed first by another village</source>
        <translation>已被其他村先认领</translation>
    </message>
    <message>
        <source>village of the receiving hut</source>
        <translation>接收小屋所在村</translation>
    </message>
    <message>
        <source>village of the sending hut</source>
        <translation>调出小屋所在村</translation>
    </message>
    <message>
        <source>kind of document</source>
        <translation>单据类型</translation>
    </message>
    <message>
        <source>kind of donor</source>
        <translation>捐赠人类型</translation>
    </message>
    <message>
        <source>why the count differed</source>
        <translation>盘点差异原因</translation>
    </message>
    <message>
        <source>lines passed over, not goods</source>
        <translation>跳过的非物品行</translation>
    </message>
    <message>
        <source>earned, spent or reversed</source>
        <translation>获得、兑换或冲销</translation>
    </message>
    <message>
        <source>why it differs</source>
        <translation>差异原因</translation>
    </message>
    <message>
        <source>name of the hut</source>
        <translation>小屋名称</translation>
    </message>
    <message>
        <source>name of the item</source>
        <translation>物品名称</translation>
    </message>
    <message>
        <source>keeping the value now</source>
        <translation>保留现在的值</translation>
    </message>
    <message>
        <source>keeping the other value</source>
        <translation>改用另一个值</translation>
    </message>
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
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Being counted</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>(a record not on this PC)</source>
        <translation>（本机上没有的记录）</translation>
    </message>
    <message>
        <source>No header row with the column 户主姓名 was found on the first sheet. Put the column names in one row above the households, then try again.</source>
        <translation>第一个工作表中没有找到含“户主姓名”列的标题行。请在帮扶对象上方的一行中写好各列名称，然后再试。</translation>
    </message>
    <message>
        <source>"{value}" is not a category of help. Write 贫困妇女, 因学致贫, 因残致贫, 因病致贫, 低保, 五保 or 其他 (several with 、 between them), or ask the station admin to add the category first.</source>
        <translation>“{value}”不是帮扶类别。请填写贫困妇女、因学致贫、因残致贫、因病致贫、低保、五保或其他（多个类别之间用“、”隔开），或者请站长先添加这个类别。</translation>
    </message>
    <message>
        <source>A household of {other_name} at {address} is already registered; this row was not added. If it is another household, register it in the Households area.</source>
        <translation>{address}已登记了户主为{other_name}的帮扶对象，这一行没有导入。如果是另一户，请在“帮扶对象”中登记。</translation>
    </message>
    <message>
        <source>"{value}" is not an amount. Write what the wish is worth in yuan, like 120.</source>
        <translation>“{value}”不是金额。请写心愿值多少元，如 120。</translation>
    </message>
    <message>
        <source>¥{value} cannot be right for a wish. Check the amount.</source>
        <translation>心愿价值不可能是 ¥{value}。请核对金额。</translation>
    </message>
    <message>
        <source>"{value}" is not an amount of money. Write it in yuan, like 500 or 120.50.</source>
        <translation>“{value}”不是金额。请以元为单位填写，例如500或120.50。</translation>
    </message>
    <message>
        <source>An amount is between 0 and {most} yuan; {value} cannot be right.</source>
        <translation>金额应在0到{most}元之间，{value}不对。</translation>
    </message>
    <message>
        <source>"{value}" is not a number of instalments. Write how many hand-overs, like 12.</source>
        <translation>“{value}”不是分期次数。请填写分几次交付，例如12。</translation>
    </message>
    <message>
        <source>A pledge has at most {most} instalments; {value} cannot be right.</source>
        <translation>认捐最多分{most}期，{value}不对。</translation>
    </message>
    <message>
        <source>Choose what is pledged from the list: money, goods or a service.</source>
        <translation>请从列表中选择认捐类型：资金、物资或服务。</translation>
    </message>
    <message>
        <source>Enter the amount of money pledged, in yuan.</source>
        <translation>请填写认捐的金额（元）。</translation>
    </message>
    <message>
        <source>Say what is pledged (for example: a bag of rice and a can of oil each month, or help with the fields at harvest).</source>
        <translation>请写明认捐什么（例如：每月一袋米、一桶油，或秋收时帮忙下地）。</translation>
    </message>
    <message>
        <source>The pledge ends on {end}, before it begins on {start}. Check the dates.</source>
        <translation>结束日期{end}早于开始日期{start}，请检查日期。</translation>
    </message>
    <message>
        <source>Give the day the pledge ends, so its {count} instalments can be spread over the time, or leave the instalments at 0.</source>
        <translation>请填写结束日期，这样{count}期才能在这段时间里平均安排；或者把分期次数改为0。</translation>
    </message>
    <message>
        <source>"{value}" is not a number of points. Write a whole number, like 5.</source>
        <translation>“{value}”不是积分数。请填写整数，例如 5。</translation>
    </message>
    <message>
        <source>Points are a whole number from {low} to {high}; {value} cannot be right.</source>
        <translation>积分为 {low} 至 {high} 之间的整数，{value} 不对。</translation>
    </message>
    <message>
        <source>Enter what the points are earned for, like 环境卫生.</source>
        <translation>请填写积分事由，例如“环境卫生”。</translation>
    </message>
    <message>
        <source>A reason called {name} is on the list already. Change that one, or name this one apart.</source>
        <translation>积分事由“{name}”已在列表中。请修改那一项，或给这一项另起名称。</translation>
    </message>
    <message>
        <source>This reason is no longer on the list. Refresh the list.</source>
        <translation>此积分事由已不在列表中。请刷新列表。</translation>
    </message>
    <message>
        <source>The date {value} is in the future. Enter the day it happened.</source>
        <translation>日期{value}还没到，请填写实际发生的日期。</translation>
    </message>
    <message>
        <source>The hut's notice for {month} is published, so that month is closed. Enter the points on a day after it.</source>
        <translation>小屋 {month} 的公示已发布，该月已结账。请填写该月之后的日期。</translation>
    </message>
    <message>
        <source>This reason is no longer offered. Choose another from the list.</source>
        <translation>此积分事由已停用。请从列表中另选一项。</translation>
    </message>
    <message>
        <source>Choose what the points are for from the list, or write the reason.</source>
        <translation>请从列表中选择积分事由，或填写事由。</translation>
    </message>
    <message>
        <source>Enter how many points are earned, like 5.</source>
        <translation>请填写获得的积分数，例如 5。</translation>
    </message>
    <message>
        <source>Enter who approved the points (for example the village committee's name).</source>
        <translation>请填写积分的审核人（例如村委会）。</translation>
    </message>
    <message>
        <source>This entry is no longer on the household's points. Refresh the list.</source>
        <translation>此条积分记录已不在该户积分中。请刷新列表。</translation>
    </message>
    <message>
        <source>Only points earned can be reversed here. To give back points spent, reverse the exchange.</source>
        <translation>这里只能冲销获得的积分。要退回已兑换的积分，请冲销那次积分兑换。</translation>
    </message>
    <message>
        <source>These points have already been reversed.</source>
        <translation>这笔积分已经冲销过了。</translation>
    </message>
    <message>
        <source>Say why the points are reversed.</source>
        <translation>请说明冲销积分的原因。</translation>
    </message>
    <message>
        <source>The household has {balance} points left, so these {points} cannot be taken back: points never go below zero. Reverse the exchange that spent them first.</source>
        <translation>该户现有积分 {balance} 分，不能扣回这 {points} 分：积分不能为负。请先冲销用掉这些积分的兑换。</translation>
    </message>
    <message>
        <source>{item} has no price in points, so it cannot be taken for points. Give it a price on the points price list, or hand it out as a distribution.</source>
        <translation>{item}没有兑换积分价，不能用积分兑换。请在积分价目表中给它定价，或以发放方式发给该户。</translation>
    </message>
    <message>
        <source>The {head} household has {balance} points; these goods cost {points}. Take fewer goods, or earn the points first.</source>
        <translation>{head}户现有积分 {balance} 分，这些物品需要 {points} 分。请少兑换一些，或先获得积分。</translation>
    </message>
    <message>
        <source>This exchange is no longer here. Reload the list.</source>
        <translation>此兑换单已不存在。请重新加载列表。</translation>
    </message>
    <message>
        <source>"{value}" is not a month. Write it like 2026-11.</source>
        <translation>“{value}”不是月份。请写成 2026-11 这样。</translation>
    </message>
    <message>
        <source>Choose the sponsor, or add a new one.</source>
        <translation>请选择认领人，或者新增一个认领人。</translation>
    </message>
    <message>
        <source>This sponsor is no longer on the list. Refresh the list and choose another.</source>
        <translation>这个认领人已不在列表中，请刷新列表后重新选择。</translation>
    </message>
    <message>
        <source>Choose the kind of sponsor from the list: a volunteer, an organisation or a person.</source>
        <translation>请从列表中选择认领人类型：志愿者、单位或组织、个人。</translation>
    </message>
    <message>
        <source>Choose the volunteer who sponsors.</source>
        <translation>请选择作为认领人的志愿者。</translation>
    </message>
    <message>
        <source>{name} is a sponsor already. Choose {name} from the list of sponsors.</source>
        <translation>{name}已经是认领人了，请在认领人列表中选择{name}。</translation>
    </message>
    <message>
        <source>Enter the name of the organisation or the person who sponsors.</source>
        <translation>请填写认领单位的名称或认领人的姓名。</translation>
    </message>
    <message>
        <source>A sponsor called {name} is on the list already. Choose it from the list, or tell the two apart by their names.</source>
        <translation>已有名为{name}的认领人。请在列表中选择它，或者在名称上加以区分。</translation>
    </message>
    <message>
        <source>Enter a number here.</source>
        <translation>这里请填写数字。</translation>
    </message>
    <message>
        <source>Enter a number from 0 to {most}.</source>
        <translation>请填写 0 到 {most} 之间的数字。</translation>
    </message>
    <message>
        <source>Enter the hut's name, e.g. 幸福村爱心扶贫小屋.</source>
        <translation>请填写小屋名称，例如：幸福村爱心扶贫小屋。</translation>
    </message>
    <message>
        <source>The built-in item categories cannot be changed; add a category of your own instead.</source>
        <translation>内置的物品类别不能修改；可以另外添加本村自己的类别。</translation>
    </message>
    <message>
        <source>This item is no longer in the catalogue. Refresh the list.</source>
        <translation>此物品已不在物品目录中。请刷新列表。</translation>
    </message>
    <message>
        <source>A barcode has at most 32 characters.</source>
        <translation>条码最多 32 个字符。</translation>
    </message>
    <message>
        <source>Barcode {barcode} already belongs to {item}. Scan the item again, or change that item first.</source>
        <translation>条码 {barcode} 已属于“{item}”。请重新扫描，或先修改那个物品。</translation>
    </message>
    <message>
        <source>There is already an item called {item} counted in {unit}. Change that item, or give this one another name.</source>
        <translation>已有按“{unit}”计的物品“{item}”。请修改那件物品，或给这件物品另起名称。</translation>
    </message>
    <message>
        <source>Enter the item's name, e.g. 大米 or 棉被.</source>
        <translation>请填写物品名称，例如：大米、棉被。</translation>
    </message>
    <message>
        <source>Choose a category from the list.</source>
        <translation>请从列表中选择类别。</translation>
    </message>
    <message>
        <source>Enter the unit the item is counted in, e.g. 袋 or 件.</source>
        <translation>请填写计量单位，例如：袋、件。</translation>
    </message>
    <message>
        <source>Points are whole numbers.</source>
        <translation>积分须为整数。</translation>
    </message>
    <message>
        <source>Scan or type the barcode.</source>
        <translation>请扫描或输入条码。</translation>
    </message>
    <message>
        <source>This item is no longer in the city's catalogue. Choose another, or add the item as the village's own.</source>
        <translation>市级物品目录中已没有这个物品。请另选一个，或作为本村自有物品添加。</translation>
    </message>
    <message>
        <source>No item has barcode {barcode}. Choose the item it belongs to, and the barcode will be linked to it.</source>
        <translation>没有物品的条码是 {barcode}。请选择它对应的物品，条码会关联到该物品。</translation>
    </message>
    <message>
        <source>This donor is no longer on the list. Choose the donor again.</source>
        <translation>列表中已没有这位捐赠人，请重新选择。</translation>
    </message>
    <message>
        <source>Choose whether the donor is a person, an organisation or anonymous.</source>
        <translation>请选择捐赠人是个人、单位还是匿名。</translation>
    </message>
    <message>
        <source>Enter the donor's name, or choose anonymous.</source>
        <translation>请填写捐赠人姓名，或选择匿名。</translation>
    </message>
    <message>
        <source>This sponsor is no longer on the list. Choose the sponsor again.</source>
        <translation>列表中已没有这位认领人，请重新选择。</translation>
    </message>
    <message>
        <source>This sponsorship is no longer on the list. Refresh the list.</source>
        <translation>这项认领已不在列表中，请刷新列表。</translation>
    </message>
    <message>
        <source>Choose the household the sponsor helps.</source>
        <translation>请选择要认领的帮扶对象。</translation>
    </message>
    <message>
        <source>Choose the project from the list.</source>
        <translation>请从列表中选择项目。</translation>
    </message>
    <message>
        <source>{name}'s household is no longer being helped, so it takes no new sponsor.</source>
        <translation>{name}户已不在帮扶中，不能再结对新的认领人。</translation>
    </message>
    <message>
        <source>{name}'s household is not registered as "{project}". Choose a project of its categories of help, or add the category to the household first.</source>
        <translation>{name}户没有登记为“{project}”。请选择该户帮扶类别对应的项目，或者先给该户加上这个类别。</translation>
    </message>
    <message>
        <source>{sponsor} sponsors {name}'s household in this project already. Open that sponsorship instead.</source>
        <translation>{sponsor}已经在这个项目中认领了{name}户，请打开那项认领。</translation>
    </message>
    <message>
        <source>This sponsorship has ended, so its pledge stays as it was. Pair the sponsor again for a new pledge.</source>
        <translation>这项认领已经结束，认捐内容不能再改。如有新的认捐，请重新结对。</translation>
    </message>
    <message>
        <source>This sponsorship is {status}, so it cannot become {wanted}.</source>
        <translation>这项认领目前是“{status}”，不能改为“{wanted}”。</translation>
    </message>
    <message>
        <source>Say why (for example: the sponsor moved away, or the household is out of poverty).</source>
        <translation>请填写原因（例如：认领人搬到外地，或该户已脱贫）。</translation>
    </message>
    <message>
        <source>The day it changed cannot be before {day}, when the sponsorship began or last changed.</source>
        <translation>变更日期不能早于{day}（认领开始或上次变更的日期）。</translation>
    </message>
    <message>
        <source>Choose a visit or a hand-over.</source>
        <translation>请选择走访或交付。</translation>
    </message>
    <message>
        <source>This sponsorship is {status}: visits are recorded while it is active or paused. Add a note instead.</source>
        <translation>这项认领目前是“{status}”：只有进行中或暂停的认领才能登记走访。可以添加一条说明。</translation>
    </message>
    <message>
        <source>This sponsorship is {status}: hand-overs are recorded while it is active. Take it up again first, or add a note.</source>
        <translation>这项认领目前是“{status}”：只有进行中的认领才能登记交付。请先恢复认领，或者添加一条说明。</translation>
    </message>
    <message>
        <source>The sponsorship began on {start}; nothing of it happened before that day.</source>
        <translation>这项认领{start}才开始，此前不会有它的记录。</translation>
    </message>
    <message>
        <source>Enter the amount handed over, in yuan.</source>
        <translation>请填写交付的金额（元）。</translation>
    </message>
    <message>
        <source>Say what was handed over (for example: a bag of rice and a can of oil).</source>
        <translation>请写明交付了什么（例如：一袋米、一桶油）。</translation>
    </message>
    <message>
        <source>Write the note (for example: the hand-over of 3 March was 300 yuan, not 500).</source>
        <translation>请填写说明（例如：3月3日实际交付300元，不是500元）。</translation>
    </message>
    <message>
        <source>The entry this note is about is not in this sponsorship's log. Choose it in the log.</source>
        <translation>要更正的记录不在这项认领的记录中，请在记录列表中选择。</translation>
    </message>
    <message>
        <source>The date {value} has passed already. Enter a day from today on, or leave it empty.</source>
        <translation>{value} 已经过去了。请填写今天或以后的日期，或者不填。</translation>
    </message>
    <message>
        <source>This wish is no longer on the list. Refresh the list.</source>
        <translation>这个心愿已不在列表中。请刷新列表。</translation>
    </message>
    <message>
        <source>No claim holds this wish now, so there is no claimant to record. A wish is fulfilled by the claimant the city server gave it to: once a claim holds it (it comes with a sync), record the contact and the fulfilment.</source>
        <translation>目前没有为认领人保留这个心愿的认领，所以无法登记。心愿由市里确认的认领人实现：同步带来成功的认领后，再登记联系和实现。</translation>
    </message>
    <message>
        <source>The wish "{words}" is "{status}"; this step is not possible now.</source>
        <translation>心愿“{words}”目前为“{status}”，现在不能进行这一步。</translation>
    </message>
    <message>
        <source>The household of {name} is no longer being helped ({status}). Choose a household being helped, or change its status first.</source>
        <translation>{name}家已不在帮扶中（{status}）。请选择正在帮扶的户，或先修改其状态。</translation>
    </message>
    <message>
        <source>Write down the wish as the household said it.</source>
        <translation>请照受助户的原话写下心愿。</translation>
    </message>
    <message>
        <source>Choose the kind of wish from the list.</source>
        <translation>请从列表中选择心愿类别。</translation>
    </message>
    <message>
        <source>Write why the wish is not taken up, so the household can be told.</source>
        <translation>请写明不予采纳的原因，以便告知受助户。</translation>
    </message>
    <message>
        <source>The wish was wanted by {date}, which has passed. Change the date first, or withdraw the wish.</source>
        <translation>心愿希望在 {date} 前实现，这个日期已经过去。请先修改日期，或撤回心愿。</translation>
    </message>
    <message>
        <source>The wish went on the board on {date}; it cannot have been fulfilled before. Check the date.</source>
        <translation>心愿在 {date} 才发布到心愿墙，不可能在此之前实现。请核对日期。</translation>
    </message>
    <message>
        <source>Write what was given to the household.</source>
        <translation>请写明交给受助户的物品。</translation>
    </message>
    <message>
        <source>Record the fulfilment once the household has confirmed it received the wish (a signature or a word to the coordinator).</source>
        <translation>请在受助户确认收到（签字或告知联络员）后再登记实现。</translation>
    </message>
    <message>
        <source>The file {file} is not a photo this station keeps. Choose a JPEG or PNG picture.</source>
        <translation>文件 {file} 不是本站能保存的照片。请选择手机或相机拍的照片。</translation>
    </message>
    <message>
        <source>The photo {file} is too large to keep (at most 5 MB). Choose a smaller picture.</source>
        <translation>照片 {file} 太大，无法保存（最多 5 兆）。请选择小一些的图片。</translation>
    </message>
    <message>
        <source>Write why the wish is withdrawn.</source>
        <translation>请写明撤回心愿的原因。</translation>
    </message>
    <message>
        <source>The wish is wanted until {date}, so it has not expired. If the household no longer needs it, withdraw it.</source>
        <translation>这个心愿希望在 {date} 前实现，还没有过期。如果受助户不再需要，请撤回。</translation>
    </message>
    <message>
        <source>This wish is no longer on the board: it was claimed, fulfilled or taken off. Refresh the board and choose another wish.</source>
        <translation>这个心愿已不在心愿墙上：已被认领、已实现或已撤下。请刷新心愿墙，另选一个心愿。</translation>
    </message>
    <message>
        <source>A claim holds this wish already, so it cannot be claimed now. If the claimant does not get in touch in time, it comes back on the board by itself.</source>
        <translation>这个心愿已为别的认领人保留，现在不能认领。如果认领人没有按时联系，心愿会自动回到心愿墙。</translation>
    </message>
    <message>
        <source>This station claimed the wish already for {name} on {date}; the claim waits for the city server. Sync to hear whether it holds.</source>
        <translation>本站已在 {date} 为{name}认领了这个心愿，正在等市里确认。请同步，看认领是否成功。</translation>
    </message>
    <message>
        <source>Choose who claims the wish: a volunteer, a donor or a work unit.</source>
        <translation>请选择认领人：志愿者、爱心人士或爱心单位。</translation>
    </message>
    <message>
        <source>Choose the volunteer who claims the wish.</source>
        <translation>请选择认领心愿的志愿者。</translation>
    </message>
    <message>
        <source>Enter the name of the donor or work unit who claims the wish.</source>
        <translation>请填写认领心愿的爱心人士或爱心单位名称。</translation>
    </message>
    <message>
        <source>Enter how the claimant can be reached (a phone number, say): the wish's village gets in touch this way.</source>
        <translation>请填写认领人的联系方式（如电话号码）：心愿所在村会通过它联系认领人。</translation>
    </message>
    <message>
        <source>{day} has not come yet. Enter the day the goods moved, today or before.</source>
        <translation>{day} 还没到。请填写物品实际进出的日期（今天或以前）。</translation>
    </message>
    <message>
        <source>The hut's notice for {month} is published, so that month is closed. Enter the goods on a day after it; a correction of that month goes into the current month, naming what it corrects.</source>
        <translation>小屋 {month} 的公示已发布，该月已结账。请填写该月之后的日期；对该月的更正记入本月，并注明更正的是哪张单据。</translation>
    </message>
    <message>
        <source>Only {on_hand} {unit} of {item} are on hand on {day}; {wanted} {unit} cannot go out. Lower the quantity, or enter the intake that brought the rest first.</source>
        <translation>{day} {item}只有 {on_hand} {unit}，不能发出 {wanted} {unit}。请减少数量，或先录入其余物品的接收单。</translation>
    </message>
    <message>
        <source>With this on {day}, {item} would stand at {balance} {unit} on {later}, after what the hut gave out then. Check the day and the quantity.</source>
        <translation>如果在 {day} 记入这一笔，{item}在 {later} 发出物品后将只剩 {balance} {unit}。请核对日期和数量。</translation>
    </message>
    <message>
        <source>Add at least one item to the document.</source>
        <translation>单据中至少要有一种物品。</translation>
    </message>
    <message>
        <source>Document {number} records what arrived of a transfer from {village}, whose hut counts those goods as delivered here: reversing it would take them off this hut's stock and count them nowhere. If what arrived was counted wrong, correct this hut's stock with a stocktake; goods to go back are sent back as a transfer.</source>
        <translation>单据 {number} 登记的是{village}调来的物资实际到货数，对方爱心小屋已据此认定这些物资送到了本屋：冲销它会把物资从本屋库存中减掉，却哪里都不计数。如果到货时点错了数，请用盘点更正本屋库存；要退回的物资请用调拨退回。</translation>
    </message>
    <message>
        <source>Transfer {number} is still on its way to {village}, whose hut may yet count the goods; reversing it here would count them at both huts. Ask that hut to confirm what arrived, with 0 for goods that did not arrive. Once this PC has synced its answer, a transfer of which nothing arrived can be reversed.</source>
        <translation>调拨单 {number} 还在运往{village}的途中，对方小屋可能还会计入这些物品；在这里冲销会使两个小屋都计入。请对方小屋确认到货情况，没到的物品填 0。本机同步到对方的确认后，一件也没到的调拨单就可以冲销。</translation>
    </message>
    <message>
        <source>{village} confirmed that goods of transfer {number} arrived and counts them, so reversing it here would count them at both huts. Goods to come back are sent back by {village}'s hut as a transfer; goods still on this hut's shelf are found by a stocktake.</source>
        <translation>{village}已确认调拨单 {number} 的物品到货并计入库存，在这里冲销会使两个小屋都计入。要退回的物品，请{village}小屋另开调拨单调回；仍在本小屋货架上的物品，请通过盘点补记。</translation>
    </message>
    <message>
        <source>This draft is no longer here: it was posted or discarded. Look for it in the list of documents.</source>
        <translation>这份草稿已不在：已过账或已放弃。请在单据列表中查找。</translation>
    </message>
    <message>
        <source>Choose an intake or a distribution.</source>
        <translation>请选择接收或发放。</translation>
    </message>
    <message>
        <source>Choose the household the goods go to.</source>
        <translation>请选择领取物资的帮扶户。</translation>
    </message>
    <message>
        <source>Choose the activity the goods were handed out at.</source>
        <translation>请选择发放物资的活动。</translation>
    </message>
    <message>
        <source>Choose a household or an activity.</source>
        <translation>请选择帮扶户或活动。</translation>
    </message>
    <message>
        <source>Line {line}: enter how many as a number above 0, e.g. 2 or 2.5.</source>
        <translation>第 {line} 行：数量请填大于 0 的数字，例如 2 或 2.5。</translation>
    </message>
    <message>
        <source>Choose new or used.</source>
        <translation>请选择全新或旧物。</translation>
    </message>
    <message>
        <source>{item} expired on {day}: goods past their date are not taken in. Check the date on the package.</source>
        <translation>“{item}”已于 {day} 过期：过期物资不予接收。请核对包装上的日期。</translation>
    </message>
    <message>
        <source>A draft stays the kind it was started as. Start a new one.</source>
        <translation>草稿的类型不能更改，请新建一份。</translation>
    </message>
    <message>
        <source>This line is no longer in the draft. Reload the draft.</source>
        <translation>草稿中已没有这一行，请重新打开草稿。</translation>
    </message>
    <message>
        <source>Choose who gave the goods (an anonymous donor if they would not say).</source>
        <translation>请选择捐赠人（不愿留名的选匿名）。</translation>
    </message>
    <message>
        <source>Cash is never kept at the hut: enter the charity it was passed to and the number of its receipt.</source>
        <translation>小屋不保管现金：请填写现金转交的机构及其收据号。</translation>
    </message>
    <message>
        <source>Choose the household or the activity the goods go to.</source>
        <translation>请选择领取物资的帮扶户或活动。</translation>
    </message>
    <message>
        <source>Line {line} names an item this hut does not have. Choose the item again.</source>
        <translation>第 {line} 行的物品不在本小屋。请重新选择物品。</translation>
    </message>
    <message>
        <source>Line {line}: {item} keeps an expiry date. Enter the date on the package.</source>
        <translation>第 {line} 行：“{item}”需要登记有效期，请填写包装上的日期。</translation>
    </message>
    <message>
        <source>Line {line}: {item} expired on {day}: goods past their date are not taken in.</source>
        <translation>第 {line} 行：“{item}”已于 {day} 过期，过期物资不予接收。</translation>
    </message>
    <message>
        <source>This intake is no longer here. Reload the list.</source>
        <translation>这张接收单已不在，请刷新列表。</translation>
    </message>
    <message>
        <source>This distribution is no longer here. Reload the list.</source>
        <translation>这张发放单已不在。请刷新列表。</translation>
    </message>
    <message>
        <source>Line {line} has no quantity. Enter how many, or remove the line.</source>
        <translation>第 {line} 行没有数量。请填写数量，或删除这一行。</translation>
    </message>
    <message>
        <source>This document is no longer here. Reload the list.</source>
        <translation>此单据已不存在。请重新加载列表。</translation>
    </message>
    <message>
        <source>A reversal cannot be reversed. Post the goods again as a new document.</source>
        <translation>冲销单不能再冲销。请把物品重新录入一张新单据。</translation>
    </message>
    <message>
        <source>Document {number} has already been reversed.</source>
        <translation>单据 {number} 已经冲销过了。</translation>
    </message>
    <message>
        <source>Say why the document is reversed.</source>
        <translation>请说明冲销此单据的原因。</translation>
    </message>
    <message>
        <source>No row of the file has the headings 物品名称, 类别 and 单位. Put them above the items and try again.</source>
        <translation>文件中没有一行含有表头 物品名称、类别 和 单位。请把它们放在物品上方，然后再试一次。</translation>
    </message>
    <message>
        <source>Row {row}: the item has no name.</source>
        <translation>第 {row} 行：物品没有名称。</translation>
    </message>
    <message>
        <source>Row {row}: the name is longer than {most} characters.</source>
        <translation>第 {row} 行：名称超过 {most} 个字。</translation>
    </message>
    <message>
        <source>Row {row}: "{category}" is not a category. Use 衣物, 被褥, 粮油食品, 学习用品, 日用品, 家电家具, 药品保健 or 其他.</source>
        <translation>第 {row} 行：“{category}”不是物品类别。请填写 衣物、被褥、粮油食品、学习用品、日用品、家电家具、药品保健 或 其他。</translation>
    </message>
    <message>
        <source>Row {row}: the unit must be a short word such as {units}.</source>
        <translation>第 {row} 行：单位应是一个简短的字词，例如 {units}。</translation>
    </message>
    <message>
        <source>Row {row}: write 是 or 否 under 有效期管理, not "{value}".</source>
        <translation>第 {row} 行：有效期管理 一栏请填写 是 或 否，而不是“{value}”。</translation>
    </message>
    <message>
        <source>Row {row}: the barcode "{barcode}" is not one: letters and digits, at most 32.</source>
        <translation>第 {row} 行：“{barcode}”不是条码：条码由字母和数字组成，最多 32 位。</translation>
    </message>
    <message>
        <source>Row {row}: {name} is already in row {first} of this file.</source>
        <translation>第 {row} 行：{name} 已在本文件第 {first} 行。</translation>
    </message>
    <message>
        <source>Nothing was imported. Rows that need correcting: {count}. Correct them and import the file again.</source>
        <translation>没有导入任何物品：有 {count} 行需要改正。请改正后重新导入该文件。</translation>
    </message>
    <message>
        <source>Enter the month as 2026-11.</source>
        <translation>月份请按 2026-11 的格式填写。</translation>
    </message>
    <message>
        <source>{month} has not ended yet. Publish a month's notice once the month is over.</source>
        <translation>{month} 还没有结束。请在月末之后再发布该月公示。</translation>
    </message>
    <message>
        <source>The notice for {month} is already published.</source>
        <translation>{month} 的公示已经发布过了。</translation>
    </message>
    <message>
        <source>This count is no longer here. Reload the list.</source>
        <translation>此盘点已不存在。请重新加载列表。</translation>
    </message>
    <message>
        <source>This count is finished already (posted or abandoned). Start a new count.</source>
        <translation>此盘点已经结束（已过账或已放弃）。请开始新的盘点。</translation>
    </message>
    <message>
        <source>No items are in the hut's catalogue for this count. Choose another category or shelf, or count every item.</source>
        <translation>小屋物品目录中没有属于此次盘点范围的物品。请另选类别或货架，或盘点全部物品。</translation>
    </message>
    <message>
        <source>A count going on at this PC already counts {items}. Finish it or abandon it first, or count another category or shelf.</source>
        <translation>本机正在进行的盘点已包含{items}。请先完成或放弃那次盘点，或盘点其他类别或货架。</translation>
    </message>
    <message>
        <source>Choose why the count differs from the list: damaged, expired, lost, found more than recorded, or entered wrongly.</source>
        <translation>请从列表中选择盘点差异的原因：损坏、过期、丢失、盘盈或录入错误。</translation>
    </message>
    <message>
        <source>This item is not part of this count. Reload the count sheet.</source>
        <translation>此物品不在本次盘点范围内。请重新加载盘点表。</translation>
    </message>
    <message>
        <source>The count of {item}, "{value}", cannot be right. Write how many are on the shelf, like 3 or 2.5 (0 if there are none), or leave it empty while it is not counted.</source>
        <translation>{item}的盘点数“{value}”不对。请填写货架上的实际数量，例如 3 或 2.5（没有则填 0）；尚未清点的请留空。</translation>
    </message>
    <message>
        <source>1 item is not counted yet: {items}. Count it (0 if the shelf is empty), or post leaving it as the ledger has it.</source>
        <translation>还有 1 种物品未清点：{items}。请清点（货架上没有则填 0），或过账时保留这种物品的账面数量。</translation>
    </message>
    <message>
        <source>{count} items are not counted yet: {items}. Count them (0 if the shelf is empty), or post leaving them as the ledger has them.</source>
        <translation>还有 {count} 种物品未清点：{items}。请清点（货架上没有则填 0），或过账时保留这些物品的账面数量。</translation>
    </message>
    <message>
        <source>Say why the count differs for {items}: damaged, expired, lost, found more than recorded, or entered wrongly.</source>
        <translation>请说明{items}盘点数与账面不符的原因：损坏、过期、丢失、盘盈或录入错误。</translation>
    </message>
    <message>
        <source>No header row with the columns 物品名称 and 单位 was found on the first sheet. Put the column names in one row above the goods, then try again.</source>
        <translation>第一个工作表中没有找到含“物品名称”和“单位”两列的表头行。请在物品上方的一行写好列名，然后再试。</translation>
    </message>
    <message>
        <source>"{value}" is not a barcode. Copy the digits under the bars, or leave it empty.</source>
        <translation>“{value}”不是条码。请照抄条码下方的数字，或留空。</translation>
    </message>
    <message>
        <source>This row has no 物品名称, and its barcode matches no item. Write the item's name.</source>
        <translation>这一行没有物品名称，条码也对不上任何物品。请填写物品名称。</translation>
    </message>
    <message>
        <source>Write the unit {name} is counted in, like 袋, 件 or 斤.</source>
        <translation>请填写{name}的计量单位，例如袋、件或斤。</translation>
    </message>
    <message>
        <source>"{value}" is not a unit. Write one word, like 袋, 件 or 斤.</source>
        <translation>“{value}”不是计量单位。请填写一个单位，例如袋、件或斤。</translation>
    </message>
    <message>
        <source>"{value}" is not a category of goods. Write 衣物, 被褥, 粮油食品, 学习用品, 日用品, 家电家具, 药品保健 or 其他, or ask the station admin to add the category first.</source>
        <translation>“{value}”不是物品类别。请填写衣物、被褥、粮油食品、学习用品、日用品、家电家具、药品保健或其他，或请站长先添加该类别。</translation>
    </message>
    <message>
        <source>These goods expired on {day}. Expired goods are not taken into the hut: leave them off the sheet.</source>
        <translation>这些物品已于 {day} 过期。过期物品不入小屋：请从表中删去这一行。</translation>
    </message>
    <message>
        <source>{item} has goods on the hut's ledger already, and an opening balance is only for what the hut starts with. Enter more of it as an intake, or correct it by a stocktake.</source>
        <translation>{item}在小屋台账上已有记录，期初库存只用于小屋建账时的物品。增加的请按接收入库，数量不对请通过盘点更正。</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>部分收到</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Choose the hut the goods go to.</source>
        <translation>请选择物资调往的小屋。</translation>
    </message>
    <message>
        <source>The goods are at this hut already. Choose another village's hut.</source>
        <translation>物资已在本小屋，请选择其他村的小屋。</translation>
    </message>
    <message>
        <source>{code} is not a village on the city's list. Choose the hut from the list.</source>
        <translation>{code} 不在全市的村（社区）名单中，请从列表中选择小屋。</translation>
    </message>
    <message>
        <source>{village} has no love hut to send goods to. Choose another village's hut.</source>
        <translation>{village} 没有可接收物资的爱心扶贫小屋，请选择其他村的小屋。</translation>
    </message>
    <message>
        <source>Set up this village's hut first.</source>
        <translation>请先设置本村的爱心扶贫小屋。</translation>
    </message>
    <message>
        <source>This transfer is no longer here. Reload the list.</source>
        <translation>这张调拨单已不在，请刷新列表。</translation>
    </message>
    <message>
        <source>Add at least one item to the transfer.</source>
        <translation>请至少添加一件调拨物品。</translation>
    </message>
    <message>
        <source>Line {line}: enter how many {item} arrived, as a number; 0 if none did.</source>
        <translation>第 {line} 行：请填写实际收到的{item}数量（数字）；一件也没收到请填 0。</translation>
    </message>
    <message>
        <source>This hut sent transfer {number}; the hut it went to confirms what arrived.</source>
        <translation>调拨单 {number} 是本小屋调出的，应由接收的小屋确认收货。</translation>
    </message>
    <message>
        <source>This transfer has no such line. Reload the list.</source>
        <translation>这张调拨单没有这一行，请刷新列表。</translation>
    </message>
    <message>
        <source>Line {line}, {item}, is confirmed already: {received} {unit} arrived on {day}. Nothing was counted twice; reload the list.</source>
        <translation>第 {line} 行{item}已确认过：{day} 收到 {received} {unit}。没有重复入库，请刷新列表。</translation>
    </message>
    <message>
        <source>Line {line}: {received} {unit} of {item} arrived where {sent} were sent. Say why they differ.</source>
        <translation>第 {line} 行：{item}调出 {sent}，实收 {received} {unit}，请写明差异原因。</translation>
    </message>
    <message>
        <source>Enter what arrived of at least one line.</source>
        <translation>请至少填写一行的实收数量。</translation>
    </message>
</context>
</TS>