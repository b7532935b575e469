<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AggregationCache</name>
        <message>
            <source>the aggregation cache is not loaded</source>
            <translation>汇总缓存未加载</translation>
        </message>
        <message>
            <source>%1: reading the aggregation cache: the database is not open</source>
            <translation>%1：读取汇总缓存：数据库未打开</translation>
        </message>
        <message>
            <source>%1: reading the aggregation cache: %2</source>
            <translation>%1：读取汇总缓存：%2</translation>
        </message>
        <message>
            <source>reading currencies</source>
            <translation>读取币种</translation>
        </message>
        <message>
            <source>reading exchange rates</source>
            <translation>读取汇率</translation>
        </message>
        <message>
            <source>reading phases</source>
            <translation>读取期次</translation>
        </message>
        <message>
            <source>reading disbursements</source>
            <translation>读取出资记录</translation>
        </message>
        <message>
            <source>reading investees</source>
            <translation>读取被投企业</translation>
        </message>
        <message>
            <source>%1: reading disbursements: %2</source>
            <translation>%1：读取出资记录：%2</translation>
        </message>
        <message>
            <source>resolving regions</source>
            <translation>解析地区</translation>
        </message>
        <message>
            <source>searching investees</source>
            <translation>搜索被投企业</translation>
        </message>
        <message>
            <source>searching funds</source>
            <translation>搜索基金</translation>
        </message>
    </context>
    <context>
        <name>AggregationEngine</name>
        <message>
            <source>reading currencies</source>
            <translation>读取币种</translation>
        </message>
        <message>
            <source>%1: unknown base currency '%2'</source>
            <translation>%1：未知本位币“%2”</translation>
        </message>
        <message>
            <source>%1: cannot register the exact sum: %2</source>
            <translation>%1：无法注册精确求和函数：%2</translation>
        </message>
        <message>
            <source>aggregating by %1</source>
            <translation>按 %1 汇总</translation>
        </message>
        <message>
            <source>counting investees</source>
            <translation>统计被投企业</translation>
        </message>
        <message>
            <source>reading exchange rates</source>
            <translation>读取汇率</translation>
        </message>
        <message>
            <source>%1: a grouping split by sector needs the aggregation cache</source>
            <translation>%1：按行业拆分的分组需要汇总缓存</translation>
        </message>
        <message>
            <source>%1: naming groups: %2</source>
            <translation>%1：命名分组：%2</translation>
        </message>
    </context>
    <context>
        <name>AmountEdit</name>
        <message>
            <source>e.g. 1,234.5 · 12.3亿 · 1.2bn · 350m · 5万</source>
            <translation>例如 1,234.5 · 12.3亿 · 1.2bn · 350m · 5万</translation>
        </message>
        <message>
            <source>undisclosed</source>
            <translation>未披露</translation>
        </message>
        <message>
            <source>Stored as undisclosed: no amount, never zero.</source>
            <translation>存储为未披露：没有金额，不是零。</translation>
        </message>
        <message>
            <source>= %1 %2</source>
            <translation>= %1 %2</translation>
        </message>
    </context>
    <context>
        <name>AmountParser</name>
        <message>
            <source>'%1' is not a currency Fundscope knows; choose one from the list.</source>
            <translation>“%1”不是 Fundscope 已知的币种；请从列表中选择。</translation>
        </message>
        <message>
            <source>Enter an amount, or mark it undisclosed.</source>
            <translation>请输入金额，或标记为未披露。</translation>
        </message>
        <message>
            <source>Amounts are positive; record a sale as its own type (equity sale).</source>
            <translation>金额须为正数；出售请记录为单独的类型（股权转让）。</translation>
        </message>
        <message>
            <source>'%1' is not an amount: write a number, optionally with a unit, such as 1,234.5, 350m, 1.2bn, 5万 or 12.3亿.</source>
            <translation>“%1”不是金额：请输入数字，可带单位，如 1,234.5、350m、1.2bn、5万或12.3亿。</translation>
        </message>
        <message>
            <source>'%1': commas group the digits in threes (1,234,567.5); use a point for the decimals.</source>
            <translation>“%1”：逗号须每三位分隔数字（1,234,567.5）；小数请用小数点。</translation>
        </message>
        <message>
            <source>'%1' is not an amount: it has more than one decimal point.</source>
            <translation>“%1”不是金额：有多个小数点。</translation>
        </message>
        <message>
            <source>'%1' is not an amount: write the number without spaces (1,234,567 or 1234567).</source>
            <translation>“%1”不是金额：数字中不要有空格（1,234,567 或 1234567）。</translation>
        </message>
        <message>
            <source>'%1' is not an amount: '%2' is not a unit Fundscope knows (use k, m, bn, 万 or 亿, or write the number in full).</source>
            <translation>“%1”不是金额：“%2”不是 Fundscope 已知的单位（请使用 k、m、bn、万或亿，或写出完整数字）。</translation>
        </message>
        <message>
            <source>'%1' has more decimals than the currency has (%2).</source>
            <translation>“%1”的小数位数多于该币种的小数位数（%2）。</translation>
        </message>
        <message>
            <source>'%1' is more precise than the currency's smallest unit.</source>
            <translation>“%1”的精度超出该币种的最小单位。</translation>
        </message>
        <message>
            <source>'%1' is too large to store.</source>
            <translation>“%1”太大，无法存储。</translation>
        </message>
        <message>
            <source>The amount is zero; mark it undisclosed when it is not known.</source>
            <translation>金额为零；如金额未知，请标记为未披露。</translation>
        </message>
        <message>
            <source>Choose the currency.</source>
            <translation>请选择币种。</translation>
        </message>
        <message>
            <source>'%1' is not a currency Fundscope knows.</source>
            <translation>“%1”不是 Fundscope 已知的币种。</translation>
        </message>
        <message>
            <source>'%1' names a currency but no amount.</source>
            <translation>“%1”只有币种，没有金额。</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsService</name>
        <message>
            <source>totals are still loading</source>
            <translation>合计仍在加载</translation>
        </message>
    </context>
    <context>
        <name>AppTheme</name>
        <message>
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <source>Follow the &amp;system</source>
            <translation>跟随系统(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>浅色(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
    </context>
    <context>
        <name>BackgroundOpen</name>
        <message>
            <source>Opening %1 and checking it for damage…</source>
            <translation>正在打开 %1 并检查是否损坏…</translation>
        </message>
        <message>
            <source>Opening database</source>
            <translation>正在打开数据库</translation>
        </message>
    </context>
    <context>
        <name>ChartBuilder</name>
        <message>
            <source>Into sub-funds</source>
            <translation>投向子基金</translation>
        </message>
        <message>
            <source>No sector</source>
            <translation>无行业</translation>
        </message>
        <message>
            <source>No disbursements match the filter</source>
            <translation>没有符合筛选条件的出资记录</translation>
        </message>
        <message>
            <source>Committed</source>
            <translation>承诺出资额</translation>
        </message>
        <message>
            <source>Invested</source>
            <translation>投资额</translation>
        </message>
        <message>
            <source>Cumulative</source>
            <translation>累计</translation>
        </message>
        <message>
            <source>Cumulative, %1</source>
            <comment>the axis of the running total; %1 is the unit</comment>
            <translation>累计（%1）</translation>
        </message>
        <message>
            <source>By segment</source>
            <translation>按细分领域</translation>
        </message>
        <message>
            <source>By sector</source>
            <translation>按行业</translation>
        </message>
        <message>
            <source>By city</source>
            <translation>按城市</translation>
        </message>
        <message>
            <source>By region (province)</source>
            <translation>按地区（省份）</translation>
        </message>
        <message>
            <source>By funding phase, stacked by sector</source>
            <translation>按基金期次（按行业堆叠）</translation>
        </message>
        <message>
            <source>Over time, stacked by sector</source>
            <translation>按年份（按行业堆叠）</translation>
        </message>
        <message>
            <source>Top investees</source>
            <translation>被投企业排名</translation>
        </message>
    </context>
    <context>
        <name>ChartRenderer</name>
        <message>
            <source>%1 and %2 more</source>
            <comment>a cut list of exchange rates</comment>
            <translation>%1，另有%2项</translation>
        </message>
        <message>
            <source>Invested by segment</source>
            <translation>按细分领域统计的投资额</translation>
        </message>
        <message>
            <source>Invested by sector</source>
            <translation>按行业统计的投资额</translation>
        </message>
        <message>
            <source>Invested by city</source>
            <translation>按城市统计的投资额</translation>
        </message>
        <message>
            <source>Invested by region (province)</source>
            <translation>按地区（省份）统计的投资额</translation>
        </message>
        <message>
            <source>Invested by funding phase, stacked by sector, with commitments</source>
            <translation>按基金期次统计的投资额（按行业堆叠，含承诺出资）</translation>
        </message>
        <message>
            <source>Invested per year, stacked by sector</source>
            <translation>各年份投资额（按行业堆叠）</translation>
        </message>
        <message>
            <source>Top %1 investees by amount invested</source>
            <translation>投资额前%1的被投企业</translation>
        </message>
        <message>
            <source>%1, shown in %2 (1 亿 = 100 million)</source>
            <translation>%1；单位：%2</translation>
        </message>
        <message>
            <source>%1, shown in %2 (billions)</source>
            <translation>%1；单位：%2（十亿）</translation>
        </message>
        <message>
            <source>Sources: %1 distinct source address behind these figures.</source>
            <translation>来源：这些数据基于%1个不同的来源地址。</translation>
        </message>
        <message>
            <source>Sources: %1 distinct source addresses behind these figures.</source>
            <translation>来源：这些数据基于%1个不同的来源地址。</translation>
        </message>
        <message>
            <source>Invested = disbursements, equity purchases, loans and grants, converted to %1 at each value date's yearly rate.</source>
            <translation>投资额 = 实缴出资、股权收购、贷款和补助，按各笔日期所在年份的年度汇率折算为 %1。</translation>
        </message>
        <message>
            <source>Rates (CNY per unit): %1.</source>
            <translation>汇率（每单位折合 CNY）：%1。</translation>
        </message>
        <message>
            <source>%1 undisclosed amount</source>
            <translation>%1笔未披露金额</translation>
        </message>
        <message>
            <source>%1 undisclosed amounts</source>
            <translation>%1笔未披露金额</translation>
        </message>
        <message>
            <source>%1 amount without a rate</source>
            <translation>%1笔金额缺少汇率</translation>
        </message>
        <message>
            <source>%1 amounts without a rate</source>
            <translation>%1笔金额缺少汇率</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <comment>amounts without a rate, then the missing rates</comment>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Counted apart, not as zero: %1.</source>
            <translation>单独计数，不计为零：%1。</translation>
        </message>
        <message>
            <source>; </source>
            <comment>between the items of a list</comment>
            <translation>；</translation>
        </message>
        <message>
            <source>Flows into sub-funds are their own series: %1.</source>
            <translation>投向子基金的出资单独作为一个系列：%1。</translation>
        </message>
        <message>
            <source>%1 more investees received less.</source>
            <translation>另有%1家被投企业获得的金额较少。</translation>
        </message>
        <message>
            <source>Dark palette, as shown on screen.</source>
            <translation>深色配色，与屏幕显示一致。</translation>
        </message>
        <message>
            <source>Exported %1 from Fundscope %2.</source>
            <translation>于%1从 Fundscope %2 导出。</translation>
        </message>
        <message>
            <source>the size %1×%2 is out of range (16 to 30000 pixels a side)</source>
            <translation>尺寸 %1×%2 超出范围（每边16至30000像素）</translation>
        </message>
        <message>
            <source>%1 dpi is out of range (10 to 2400)</source>
            <translation>%1 dpi 超出范围（10至2400）</translation>
        </message>
        <message>
            <source>the %1 could not be drawn</source>
            <comment>%1 is the file format: png, svg or pdf</comment>
            <translation>无法生成 %1</translation>
        </message>
    </context>
    <context>
        <name>ChartTheme</name>
        <message>
            <source>%1 bn</source>
            <comment>a currency in billions, as an axis title</comment>
            <translation>%1 bn</translation>
        </message>
        <message>
            <source>%1 bn</source>
            <comment>an amount in billions</comment>
            <translation>%1 bn</translation>
        </message>
    </context>
    <context>
        <name>CommandSupport</name>
        <message>
            <source>The database file (default: %1).</source>
            <translation>数据库文件（默认：%1）。</translation>
        </message>
        <message>
            <source>Base currency for totals: CNY or USD.</source>
            <translation>合计所用的本位币：CNY 或 USD。</translation>
        </message>
        <message>
            <source>Earliest value date, YYYY[-MM[-DD]], inclusive.</source>
            <translation>最早日期（含），格式为 YYYY[-MM[-DD]]。</translation>
        </message>
        <message>
            <source>Latest value date, YYYY[-MM[-DD]], inclusive.</source>
            <translation>最晚日期（含），格式为 YYYY[-MM[-DD]]。</translation>
        </message>
        <message>
            <source>Only this fund (English or Chinese name); repeatable.</source>
            <translation>仅限此基金（英文或中文名称）；可重复指定。</translation>
        </message>
        <message>
            <source>Only phases with this label (e.g. "Phase II"), within --fund if given; repeatable.</source>
            <translation>仅限此名称的期次（如 "Phase II"），如指定了 --fund 则限于该基金；可重复指定。</translation>
        </message>
        <message>
            <source>Only this sector; repeatable.</source>
            <translation>仅限此行业；可重复指定。</translation>
        </message>
        <message>
            <source>Only this country, province or city; repeatable.</source>
            <translation>仅限此国家、省份或城市；可重复指定。</translation>
        </message>
        <message>
            <source>Only this event type (commitment, disbursement, equity purchase, equity sale, loan, grant); repeatable.</source>
            <translation>仅限此类型（commitment、disbursement、equity purchase、equity sale、loan、grant）；可重复指定。</translation>
        </message>
        <message>
            <source>Only this status (announced, committed, completed, cancelled); repeatable. Cancelled events are left out unless asked for.</source>
            <translation>仅限此状态（announced、committed、completed、cancelled）；可重复指定。除非明确指定，已取消（cancelled）的出资不计入。</translation>
        </message>
        <message>
            <source>unknown --%1 '%2' (expected one of: %3)</source>
            <translation>未知的 --%1 值“%2”（应为以下之一：%3）</translation>
        </message>
        <message>
            <source>unknown --currency '%1' (expected CNY or USD)</source>
            <translation>未知的 --currency 值“%1”（应为 CNY 或 USD）</translation>
        </message>
        <message>
            <source>--%1 '%2' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)</source>
            <translation>--%1 的值“%2”不是日期（应为 YYYY、YYYY-MM 或 YYYY-MM-DD）</translation>
        </message>
        <message>
            <source>unknown fund '%1'</source>
            <translation>未知基金“%1”</translation>
        </message>
        <message>
            <source>unknown phase '%1'</source>
            <translation>未知期次“%1”</translation>
        </message>
        <message>
            <source>unknown phase '%1' in the given fund</source>
            <translation>指定的基金中没有期次“%1”</translation>
        </message>
        <message>
            <source>unknown sector '%1'</source>
            <translation>未知行业“%1”</translation>
        </message>
        <message>
            <source>unknown region '%1'</source>
            <translation>未知地区“%1”</translation>
        </message>
        <message>
            <source>%1: unexpected argument '%2'</source>
            <translation>%1：意外的参数“%2”</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <source>unknown command '%1'</source>
            <translation>未知命令“%1”</translation>
        </message>
        <message>
            <source>found while it was read; the output is not complete</source>
            <translation>读取时发现；输出不完整</translation>
        </message>
        <message>
            <source>key</source>
            <comment>summary table column: the group's name</comment>
            <translation>名称</translation>
        </message>
        <message>
            <source>key_zh</source>
            <comment>summary table column: the group's Chinese name</comment>
            <translation>中文名称</translation>
        </message>
        <message>
            <source>invested</source>
            <comment>summary table column</comment>
            <translation>投资额</translation>
        </message>
        <message>
            <source>committed</source>
            <comment>summary table column</comment>
            <translation>承诺出资额</translation>
        </message>
        <message>
            <source>divested</source>
            <comment>summary table column</comment>
            <translation>退出额</translation>
        </message>
        <message>
            <source>events</source>
            <comment>summary table column</comment>
            <translation>笔数</translation>
        </message>
        <message>
            <source>investees</source>
            <comment>summary table column</comment>
            <translation>被投企业数</translation>
        </message>
        <message>
            <source>undisclosed</source>
            <comment>summary table column: events without an amount</comment>
            <translation>未披露</translation>
        </message>
        <message>
            <source>without_rate</source>
            <comment>summary table column: events without an exchange rate</comment>
            <translation>无汇率</translation>
        </message>
        <message>
            <source>sector</source>
            <comment>summary: grouped by</comment>
            <translation>行业</translation>
        </message>
        <message>
            <source>segment</source>
            <comment>summary: grouped by</comment>
            <translation>细分领域</translation>
        </message>
        <message>
            <source>region</source>
            <comment>summary: grouped by</comment>
            <translation>地区</translation>
        </message>
        <message>
            <source>phase</source>
            <comment>summary: grouped by</comment>
            <translation>期次</translation>
        </message>
        <message>
            <source>fund</source>
            <comment>summary: grouped by</comment>
            <translation>基金</translation>
        </message>
        <message>
            <source>year</source>
            <comment>summary: grouped by</comment>
            <translation>年份</translation>
        </message>
        <message>
            <source>investee</source>
            <comment>summary: grouped by</comment>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>city</source>
            <comment>summary: grouped by</comment>
            <translation>城市</translation>
        </message>
        <message>
            <source>from %1</source>
            <comment>summary filter: earliest date</comment>
            <translation>自%1</translation>
        </message>
        <message>
            <source>to %1</source>
            <comment>summary filter: latest date</comment>
            <translation>至%1</translation>
        </message>
        <message>
            <source>none</source>
            <comment>summary filter: no filter</comment>
            <translation>无</translation>
        </message>
        <message>
            <source>%1, and %2 more</source>
            <translation>%1，另有%2项</translation>
        </message>
        <message>
            <source>%1 undisclosed, %2 without a rate to %3 (missing: %4)</source>
            <translation>%1笔未披露，%2笔缺少折算为 %3 的汇率（缺少：%4）</translation>
        </message>
        <message>
            <source>%1 undisclosed, %2 without a rate to %3</source>
            <translation>%1笔未披露，%2笔缺少折算为 %3 的汇率</translation>
        </message>
        <message>
            <source>%1; no flows into sub-funds</source>
            <translation>%1；无投向子基金的出资</translation>
        </message>
        <message>
            <source>%1 %2 invested</source>
            <translation>投资额 %1 %2</translation>
        </message>
        <message>
            <source>%1 %2 committed</source>
            <translation>承诺出资额 %1 %2</translation>
        </message>
        <message>
            <source>%1 %2 divested</source>
            <translation>退出额 %1 %2</translation>
        </message>
        <message>
            <source>%1 undisclosed</source>
            <translation>%1笔未披露</translation>
        </message>
        <message>
            <source>%1 without a rate</source>
            <translation>%1笔缺少汇率</translation>
        </message>
        <message>
            <source>%1; 1 flow into sub-funds (%2) counted as their payers' outflows (the sub-funds' own investments are listed too)</source>
            <translation>%1；1笔投向子基金的出资（%2）计为出资方的流出（子基金自身的投资也一并列出）</translation>
        </message>
        <message>
            <source>%1; %2 flows into sub-funds (%3) counted as their payers' outflows (the sub-funds' own investments are listed too)</source>
            <translation>%1；%2笔投向子基金的出资（%3）计为出资方的流出（子基金自身的投资也一并列出）</translation>
        </message>
        <message>
            <source>%1; 1 flow into sub-funds (%2) left out of %3 totals</source>
            <translation>%1；1笔投向子基金的出资（%2）未计入%3合计</translation>
        </message>
        <message>
            <source>%1; %2 flows into sub-funds (%3) left out of %4 totals</source>
            <translation>%1；%2笔投向子基金的出资（%3）未计入%4合计</translation>
        </message>
        <message>
            <source>Rates used (CNY per unit, yearly): %1</source>
            <translation>所用汇率（每单位折合 CNY，按年）：%1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>A headline figure: "Invested: CNY 289.0 bn in companies · 4.5 bn into sub-funds".</extracomment>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Summary by %1, amounts in %2 (major units). Filter: %3.</source>
            <translation>按%1汇总，金额以 %2 计（主币单位）。筛选条件：%3。</translation>
        </message>
        <message>
            <source>%1 or %2</source>
            <comment>the last of a list of --by words</comment>
            <translation>%1 或 %2</translation>
        </message>
        <message>
            <source>Prints money grouped by %1: invested, committed and divested kept apart, with the counts of undisclosed amounts and of amounts without an exchange rate.</source>
            <translation>按 %1 分组输出金额：投资额、承诺出资额和退出额分开列示，并给出未披露金额和缺少汇率金额的笔数。</translation>
        </message>
        <message>
            <source>The command.</source>
            <translation>命令。</translation>
        </message>
        <message>
            <source>Group by %1 (required).</source>
            <translation>按 %1 分组（必填）。</translation>
        </message>
        <message>
            <source>Output: table (default), csv or json.</source>
            <translation>输出格式：table（默认）、csv 或 json。</translation>
        </message>
        <message>
            <source>How to group: auto (default: in memory above %1 events, else by SQL), sql or memory. Both give the same output; memory is faster on large databases.</source>
            <translation>分组方式：auto（默认：超过%1笔时在内存中计算，否则用 SQL）、sql 或 memory。两者输出相同；大型数据库用 memory 更快。</translation>
        </message>
        <message>
            <source>summary needs --by %1</source>
            <translation>summary 需要 --by %1</translation>
        </message>
        <message>
            <source>unknown --by '%1' (expected %2)</source>
            <translation>未知的 --by 值“%1”（应为 %2）</translation>
        </message>
        <message>
            <source>unknown --format '%1' (expected %2)</source>
            <translation>未知的 --format 值“%1”（应为 %2）</translation>
        </message>
        <message>
            <source>unknown --engine '%1' (expected %2)</source>
            <translation>未知的 --engine 值“%1”（应为 %2）</translation>
        </message>
        <message>
            <source>Creates a new Fundscope database (schema and vocabularies).</source>
            <translation>创建新的 Fundscope 数据库（表结构和词表）。</translation>
        </message>
        <message>
            <source>The database file to create (must not exist).</source>
            <translation>要创建的数据库文件（不能已存在）。</translation>
        </message>
        <message>
            <source>Also load the embedded, sourced sample dataset.</source>
            <translation>同时载入内置的、附来源的示例数据集。</translation>
        </message>
        <message>
            <source>init takes no file arguments: use --db FILE (got '%1')</source>
            <translation>init 不接受文件参数：请使用 --db FILE（收到“%1”）</translation>
        </message>
        <message>
            <source>init needs --db FILE, the database to create</source>
            <translation>init 需要 --db FILE，即要创建的数据库</translation>
        </message>
        <message>
            <source>%1 was not created: %2</source>
            <translation>未创建 %1：%2</translation>
        </message>
        <message>
            <source>Created %1 (schema version %2, vocabularies, no data rows)</source>
            <translation>已创建 %1（表结构版本%2，含词表，无数据行）</translation>
        </message>
        <message>
            <source>Created %1 (schema version %2) with the sample: %3</source>
            <translation>已创建 %1（表结构版本%2），含示例数据：%3</translation>
        </message>
        <message>
            <source>Loads interchange CSV files (funds, phases, investees, disbursements, exchange_rates; the kind is read from each header) in one transaction: all rows or none.</source>
            <translation>在一个事务中载入交换格式 CSV 文件（funds、phases、investees、disbursements、exchange_rates；类型由各文件的标题行识别）：要么导入全部行，要么都不导入。</translation>
        </message>
        <message>
            <source>The database to load into (must exist).</source>
            <translation>要载入的数据库（必须已存在）。</translation>
        </message>
        <message>
            <source>Check everything, then change nothing.</source>
            <translation>检查所有内容，但不做任何更改。</translation>
        </message>
        <message>
            <source>The files' text encoding (e.g. UTF-8, GB18030); detected when not given.</source>
            <translation>文件的文本编码（如 UTF-8、GB18030）；未指定时自动检测。</translation>
        </message>
        <message>
            <source>Import the valid rows and list the rejected ones (line, column, reason) instead of importing nothing.</source>
            <translation>导入有效行并列出被拒绝的行（行号、列、原因），而不是什么都不导入。</translation>
        </message>
        <message>
            <source>A row the database or the files already have: fail (an error, the default), skip (leave it out and list it) or keep (store it anyway).</source>
            <translation>数据库或文件中已有的行：fail（报错，默认）、skip（忽略并列出）或 keep（照样存储）。</translation>
        </message>
        <message>
            <source>Print the rows read so far on stderr while loading.</source>
            <translation>载入时在 stderr 上输出已读取的行数。</translation>
        </message>
        <message>
            <source>Interchange CSV files, in any order.</source>
            <translation>交换格式 CSV 文件，顺序不限。</translation>
        </message>
        <message>
            <source>import needs --db FILE, the database to load into</source>
            <translation>import 需要 --db FILE，即要载入的数据库</translation>
        </message>
        <message>
            <source>import needs at least one CSV file</source>
            <translation>import 至少需要一个 CSV 文件</translation>
        </message>
        <message>
            <source>--on-duplicate takes skip, keep or fail, not '%1'</source>
            <translation>--on-duplicate 的值应为 skip、keep 或 fail，而不是“%1”</translation>
        </message>
        <message>
            <source>unknown encoding '%1' (try UTF-8, GB18030, GBK, BIG5)</source>
            <translation>未知编码“%1”（可尝试 UTF-8、GB18030、GBK、BIG5）</translation>
        </message>
        <message>
            <source>progress: reading %1 rows, %2 of %3 bytes, %4 s</source>
            <translation>进度：正在读取，%1行，%2/%3字节，%4秒</translation>
        </message>
        <message>
            <source>progress: indexing %1 rows, %2 of %3 bytes, %4 s</source>
            <translation>进度：正在建立索引，%1行，%2/%3字节，%4秒</translation>
        </message>
        <message>
            <source>progress: saving %1 rows, %2 of %3 bytes, %4 s</source>
            <translation>进度：正在保存，%1行，%2/%3字节，%4秒</translation>
        </message>
        <message>
            <source>import failed with 1 error; %1 was not changed</source>
            <translation>导入失败，有1个错误；%1 未作更改</translation>
        </message>
        <message>
            <source>import failed with %1 errors; %2 was not changed</source>
            <translation>导入失败，有%1个错误；%2 未作更改</translation>
        </message>
        <message>
            <source>rejected: %1</source>
            <translation>已拒绝：%1</translation>
        </message>
        <message>
            <source>skipped duplicate: %1</source>
            <translation>已跳过重复行：%1</translation>
        </message>
        <message>
            <source>%1: %2 %3</source>
            <extracomment>%3 is the kind of file as the interchange format names it: funds, phases, investees, disbursements or exchange_rates.</extracomment>
            <translation>%1：%3，%2行</translation>
        </message>
        <message>
            <source> (read as %1)</source>
            <translation>（按 %1 读取）</translation>
        </message>
        <message>
            <source>, %1 rejected</source>
            <translation>，%1行被拒绝</translation>
        </message>
        <message>
            <source>, %1 duplicates skipped</source>
            <translation>，已跳过%1个重复行</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <extracomment>%2 is what was created, as the interchange format names it: funds, phases, investees, cities or segments.</extracomment>
            <translation>%2 %1</translation>
        </message>
        <message>
            <source>created on first use: %1</source>
            <translation>首次使用时创建：%1</translation>
        </message>
        <message>
            <source>Dry run: %1 rows would be imported into %2; nothing was changed.</source>
            <translation>试运行：将有%1行导入 %2；未做任何更改。</translation>
        </message>
        <message>
            <source>Imported %1 rows into %2.</source>
            <translation>已将%1行导入 %2。</translation>
        </message>
        <message>
            <source>--%1 '%2' is not a whole number from %3 to %4</source>
            <translation>--%1 的值“%2”不是%3至%4之间的整数</translation>
        </message>
        <message>
            <source>Writes one dashboard chart as a figure for reports: a title, a subtitle with the filter, base currency and units, the chart, and a footnote with the number of sources, the exchange rates used, what was counted apart and the export date. PNG at the given size and DPI; SVG and PDF are vector, with text as text (Chinese included).</source>
            <translation>将一张概览图表写为可用于报告的插图：标题、含筛选条件、本位币和单位的副标题、图表，以及注明来源数量、所用汇率、单独计数项和导出日期的脚注。PNG 按指定尺寸和 DPI 输出；SVG 和 PDF 为矢量格式，文字保留为文本（包括中文）。</translation>
        </message>
        <message>
            <source>The chart: %1 (segment: the sector chart split into segments).</source>
            <translation>图表：%1（segment：按细分领域拆分的行业图表）。</translation>
        </message>
        <message>
            <source>png, svg or pdf (default: from the --out file's suffix).</source>
            <translation>png、svg 或 pdf（默认：取 --out 文件的后缀）。</translation>
        </message>
        <message>
            <source>The file to write (replaced only once the new one is complete).</source>
            <translation>要写入的文件（新文件完整写好后才替换）。</translation>
        </message>
        <message>
            <source>Width in pixels at --dpi (default 1800).</source>
            <translation>宽度，以 --dpi 下的像素计（默认1800）。</translation>
        </message>
        <message>
            <source>Height in pixels at --dpi (default 1200).</source>
            <translation>高度，以 --dpi 下的像素计（默认1200）。</translation>
        </message>
        <message>
            <source>Resolution: the figure is width/dpi inches wide (default: width/9, a 9-inch figure; use 300 for print).</source>
            <translation>分辨率：图宽为 width/dpi 英寸（默认：width/9，即9英寸宽；打印请用300）。</translation>
        </message>
        <message>
            <source>white (default) or transparent (PNG and SVG).</source>
            <translation>white（默认）或 transparent（PNG 和 SVG）。</translation>
        </message>
        <message>
            <source>A title instead of the chart's own.</source>
            <translation>用此标题代替图表自身的标题。</translation>
        </message>
        <message>
            <source>export-chart needs --by %1</source>
            <translation>export-chart 需要 --by %1</translation>
        </message>
        <message>
            <source>export-chart needs --out FILE</source>
            <translation>export-chart 需要 --out FILE</translation>
        </message>
        <message>
            <source>export-chart needs --format png|svg|pdf</source>
            <translation>export-chart 需要 --format png|svg|pdf</translation>
        </message>
        <message>
            <source>unknown --format '%1' (expected png|svg|pdf)</source>
            <translation>未知的 --format 值“%1”（应为 png|svg|pdf）</translation>
        </message>
        <message>
            <source>unknown --background '%1' (expected white|transparent)</source>
            <translation>未知的 --background 值“%1”（应为 white|transparent）</translation>
        </message>
        <message>
            <source>Wrote %1: %2, %3 (%4×%5 px at %6 dpi)</source>
            <translation>已写入 %1：%2，%3（%4×%5 px，%6 dpi）</translation>
        </message>
        <message>
            <source>Writes every row of a table that matches the filter, as CSV (UTF-8) or XLSX. disbursements, investees, funds and phases use the CSV interchange format, so an export re-imports with 'fundscope import'; holdings lists the investees with their totals under the filter. Text cells starting with = + - @ are written with an apostrophe in front in CSV (formula injection); XLSX stores them as text.</source>
            <translation>将表格中符合筛选条件的每一行写为 CSV (UTF-8) 或 XLSX。disbursements、investees、funds 和 phases 使用 CSV 交换格式，导出的文件可用“fundscope import”重新导入；holdings 列出当前筛选条件下的被投企业及其合计。以 = + - @ 开头的文本单元格在 CSV 中前面加一个撇号（防止公式注入）；XLSX 将其存为文本。</translation>
        </message>
        <message>
            <source>The table: %1.</source>
            <translation>表格：%1。</translation>
        </message>
        <message>
            <source>csv or xlsx (default: from the --out file's suffix).</source>
            <translation>csv 或 xlsx（默认：取 --out 文件的后缀）。</translation>
        </message>
        <message>
            <source>CSV: start with a UTF-8 byte order mark (for Excel).</source>
            <translation>CSV：在开头写入 UTF-8 字节顺序标记（供 Excel 使用）。</translation>
        </message>
        <message>
            <source>export-table needs --table %1</source>
            <translation>export-table 需要 --table %1</translation>
        </message>
        <message>
            <source>unknown --table '%1' (expected %2)</source>
            <translation>未知的 --table 值“%1”（应为 %2）</translation>
        </message>
        <message>
            <source>export-table needs --out FILE</source>
            <translation>export-table 需要 --out FILE</translation>
        </message>
        <message>
            <source>export-table needs --format csv|xlsx</source>
            <translation>export-table 需要 --format csv|xlsx</translation>
        </message>
        <message>
            <source>unknown --format '%1' (expected csv|xlsx)</source>
            <translation>未知的 --format 值“%1”（应为 csv|xlsx）</translation>
        </message>
        <message>
            <source>Wrote %1: %2 %3 rows as %4</source>
            <translation>已写入 %1：%3，%2行，%4 格式</translation>
        </message>
        <message>
            <source>Writes the dashboard report as a PDF: a cover with the filter, date and key figures, each dashboard chart on its own page, the top investees and the holdings under the filter, and an appendix listing every source address behind the numbers.</source>
            <translation>将概览报告写为 PDF：封面列出筛选条件、日期和关键数据，每张概览图表各占一页，另有当前筛选条件下的被投企业排名和持仓，以及列出所有数据来源地址的附录。</translation>
        </message>
        <message>
            <source>The PDF file to write (replaced only once the new one is complete).</source>
            <translation>要写入的 PDF 文件（新文件完整写好后才替换）。</translation>
        </message>
        <message>
            <source>report needs --out FILE.pdf</source>
            <translation>report 需要 --out FILE.pdf</translation>
        </message>
        <message numerus="yes">
            <source>Wrote %1: report of %n pages (%2 sources)</source>
            <translation>
                <numerusform>已写入 %1：%n页的报告（%2个来源）</numerusform>
            </translation>
        </message>
        <message>
            <source>Checks a database file whole: SQLite's integrity_check (every page, record and index) and foreign_key_check (every reference points at a row). Prints what each found; exit 0 when both find nothing, 1 otherwise. Reads only: the file is not changed, and the window may have it open.</source>
            <translation>完整检查数据库文件：SQLite 的 integrity_check（每个页、记录和索引）和 foreign_key_check（每个引用都指向存在的行）。输出各项检查发现的问题；两者均未发现问题时退出码为0，否则为1。只读：不更改文件，窗口可同时打开该文件。</translation>
        </message>
        <message>
            <source>The database file to check (default: %1).</source>
            <translation>要检查的数据库文件（默认：%1）。</translation>
        </message>
        <message>
            <source>check: unexpected argument '%1' (use --db FILE)</source>
            <translation>check：意外的参数“%1”（请使用 --db FILE）</translation>
        </message>
        <message>
            <source>check needs --db FILE</source>
            <translation>check 需要 --db FILE</translation>
        </message>
        <message>
            <source>Copies a database through SQLite's online backup: one consistent state of the file, also while the window or another program has it open and writes to it. The copy is checked before it is put in place; a damaged database is not copied.</source>
            <translation>通过 SQLite 在线备份复制数据库：得到文件的一个一致状态，即使窗口或其他程序正打开并写入该文件。副本在放到目标位置之前先经过检查；损坏的数据库不会被复制。</translation>
        </message>
        <message>
            <source>The database file to copy (default: %1).</source>
            <translation>要复制的数据库文件（默认：%1）。</translation>
        </message>
        <message>
            <source>The copy to write (replaced only once the new one is complete and checked; never the database itself).</source>
            <translation>要写入的副本（新副本完整写好并通过检查后才替换；不能是数据库本身）。</translation>
        </message>
        <message>
            <source>backup needs --out COPY</source>
            <translation>backup 需要 --out COPY</translation>
        </message>
        <message>
            <source>Wrote %1: a checked copy of %2 (%3 bytes)</source>
            <translation>已写入 %1：%2 的已检查副本（%3字节）</translation>
        </message>
        <message>
            <source>progress: building sort index %1 of %2</source>
            <translation>进度：正在建立排序索引，第 %1 个，共 %2 个</translation>
        </message>
        <message>
            <source>warning: %1 (the data is imported; the next session builds the remaining sort indexes)</source>
            <translation>警告：%1（数据已导入；其余排序索引将在下次打开时建立）</translation>
        </message>
    </context>
    <context>
        <name>CsvReader</name>
        <message>
            <source>cannot be read: the device is not open for reading</source>
            <translation>无法读取：设备未以读取方式打开</translation>
        </message>
        <message>
            <source>cannot be opened: %1</source>
            <translation>无法打开：%1</translation>
        </message>
        <message>
            <source>read error: %1</source>
            <translation>读取错误：%1</translation>
        </message>
        <message>
            <source>the quoted field that starts on line %1 is never closed (unbalanced quote at the end of the file)</source>
            <translation>从第%1行开始的带引号字段没有闭合（文件末尾引号不成对）</translation>
        </message>
        <message>
            <source>unexpected text after the closing quote of field %1 (a quote inside a quoted field must be doubled)</source>
            <translation>字段%1的闭合引号之后有多余文本（带引号字段内的引号必须写成两个）</translation>
        </message>
        <message>
            <source>bytes that are not valid %1 in field %2 at character %3 (read as %1: the file is damaged or in another encoding)</source>
            <translation>字段%2第%3个字符处有无效的 %1 字节（按 %1 读取：文件已损坏或使用了其他编码）</translation>
        </message>
        <message>
            <source>invalid UTF-8 in field %1 (byte 0x%2 at character %3); save the file as UTF-8</source>
            <translation>字段%1中有无效的 UTF-8（第%3个字符处的字节 0x%2）；请将文件另存为 UTF-8</translation>
        </message>
        <message>
            <source>a NUL byte (shown as \0) in field %1 at character %2: '%3'; text cannot hold it</source>
            <translation>字段%1第%2个字符处有 NUL 字节（显示为 \0）：“%3”；文本中不能包含该字节</translation>
        </message>
    </context>
    <context>
        <name>CsvWriter</name>
        <message>
            <source>the device is not open for writing</source>
            <translation>设备未以写入方式打开</translation>
        </message>
        <message>
            <source>write error: %1</source>
            <translation>写入错误：%1</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Units for amounts (View → Units); charts count in billions, or in 亿 for 亿 and 万</source>
            <translation>金额单位（视图 → 单位）；图表以十亿计，选择亿或万时以亿计</translation>
        </message>
        <message>
            <source>Units:</source>
            <translation>单位：</translation>
        </message>
        <message>
            <source>Funds</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>Phases</source>
            <translation>期次</translation>
        </message>
        <message>
            <source>Investees</source>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>Events in view</source>
            <translation>当前笔数</translation>
        </message>
        <message>
            <source>Undisclosed amounts</source>
            <translation>未披露金额</translation>
        </message>
        <message>
            <source>Without a rate</source>
            <translation>无汇率</translation>
        </message>
        <message>
            <source>%L1 companies
%L2 sub-funds</source>
            <translation>%L1家企业
%L2只子基金</translation>
        </message>
        <message>
            <source>%L1 companies</source>
            <translation>%L1家企业</translation>
        </message>
        <message>
            <source>Amounts in %1, converted at each value date's yearly rate. %2 = %3; %4 and %5 are kept apart; cancelled events are left out unless the filter asks for them.</source>
            <translation>金额以 %1 计，按各笔日期所在年份的年度汇率折算。%2 = %3；%4和%5单独列示；除非筛选条件要求，已取消的出资不计入。</translation>
        </message>
        <message>
            <source>Sector, region, year and top-investee charts: %1 The phase chart shows them as their own series.</source>
            <translation>行业、地区、年份和被投企业排名图表：%1期次图表将其作为单独的系列显示。</translation>
        </message>
        <message>
            <source>%1 undisclosed amounts and %2 amounts without a %3 rate are counted apart, not as zero.</source>
            <translation>%1笔未披露金额和%2笔缺少 %3 汇率的金额单独计数，不计为零。</translation>
        </message>
        <message>
            <source>Rates used (CNY per unit): %1.</source>
            <translation>所用汇率（每单位折合 CNY）：%1。</translation>
        </message>
        <message>
            <source>Rates missing: %1.</source>
            <translation>缺少汇率：%1。</translation>
        </message>
        <message>
            <source>%1
%2 %3 · %4% of the total · %5 events</source>
            <translation>%1
%2 %3 · 占总额%4% · %5笔</translation>
        </message>
        <message>
            <source>%1: %2 %3</source>
            <translation>%1：%2 %3</translation>
        </message>
        <message>
            <source>&lt;b&gt;All in view&lt;/b&gt;</source>
            <translation>&lt;b&gt;当前视图&lt;/b&gt;</translation>
        </message>
        <message>
            <source>All in view</source>
            <translation>当前视图</translation>
        </message>
        <message>
            <source>Click a slice or bar to narrow every page to it; click a step to go back.</source>
            <translation>点击扇区或柱形，可将所有页面限定到该项；点击路径中的一步可返回。</translation>
        </message>
        <message>
            <source>%1% of the total</source>
            <translation>占总额%1%</translation>
        </message>
        <message>
            <source>%1 events</source>
            <translation>%1笔</translation>
        </message>
        <message>
            <source>Drill-down: %1</source>
            <comment>%1 is the path of steps, linked</comment>
            <translation>下钻：%1</translation>
        </message>
    </context>
    <context>
        <name>Database</name>
        <message>
            <source>write-ahead log</source>
            <translation>预写日志</translation>
        </message>
        <message>
            <source>shared-memory index</source>
            <translation>共享内存索引</translation>
        </message>
        <message>
            <source>rollback journal</source>
            <translation>回滚日志</translation>
        </message>
        <message>
            <source>the database file is damaged</source>
            <translation>数据库文件已损坏</translation>
        </message>
        <message>
            <source>that is the database file %1</source>
            <translation>这是数据库文件 %1</translation>
        </message>
        <message>
            <source>that is the %1 SQLite keeps beside the database %2</source>
            <translation>这是 SQLite 在数据库 %2 旁保存的%1</translation>
        </message>
        <message>
            <source>%1 is locked by another program; close it there and try again (%2)</source>
            <translation>%1 已被其他程序锁定；请在该程序中关闭后重试（%2）</translation>
        </message>
        <message>
            <source>%1 cannot be written: the file or its folder is read-only (%2)</source>
            <translation>无法写入 %1：文件或其所在文件夹为只读（%2）</translation>
        </message>
        <message>
            <source>%1 cannot be read: %2</source>
            <translation>无法读取 %1：%2</translation>
        </message>
        <message>
            <source>%1 is not an SQLite database (it has no SQLite header)</source>
            <translation>%1 不是 SQLite 数据库（没有 SQLite 文件头）</translation>
        </message>
        <message>
            <source>it is truncated: it ends inside the SQLite header, after %1 bytes</source>
            <translation>文件被截断：在 SQLite 文件头内、第%1字节之后结束</translation>
        </message>
        <message>
            <source>invalid page size %1</source>
            <translation>无效的页大小 %1</translation>
        </message>
        <message>
            <source>it is truncated: the header promises %1 bytes, the file has %2</source>
            <translation>文件被截断：文件头声明%1字节，实际只有%2字节</translation>
        </message>
        <message>
            <source>%1 is a folder, not a database file</source>
            <translation>%1 是文件夹，不是数据库文件</translation>
        </message>
        <message>
            <source>%1 does not exist</source>
            <translation>%1 不存在</translation>
        </message>
        <message>
            <source>%1 already exists; refusing to overwrite it</source>
            <translation>%1 已存在；拒绝覆盖</translation>
        </message>
        <message>
            <source>%1 is read-only; Fundscope needs to write to it</source>
            <translation>%1 为只读；Fundscope 需要写入该文件</translation>
        </message>
        <message>
            <source>%1: the folder %2 does not exist</source>
            <translation>%1：文件夹 %2 不存在</translation>
        </message>
        <message>
            <source>%1: the folder %2 is read-only; SQLite needs to write its journal there</source>
            <translation>%1：文件夹 %2 为只读；SQLite 需要在其中写入日志</translation>
        </message>
        <message>
            <source>%1 cannot be opened: %2</source>
            <translation>无法打开 %1：%2</translation>
        </message>
        <message>
            <source>%1 is an SQLite database but not a Fundscope database</source>
            <translation>%1 是 SQLite 数据库，但不是 Fundscope 数据库</translation>
        </message>
        <message>
            <source>%1 was written by a newer Fundscope (schema version %2; this version knows up to %3). It was not opened and nothing was changed.</source>
            <translation>%1 由更新版本的 Fundscope 写入（表结构版本%2；此版本最高支持%3）。未打开该文件，也未做任何更改。</translation>
        </message>
        <message>
            <source>%1 is empty, not a Fundscope database</source>
            <translation>%1 为空，不是 Fundscope 数据库</translation>
        </message>
        <message>
            <source>migration step %1 is missing from the build</source>
            <translation>此版本缺少迁移步骤%1</translation>
        </message>
        <message>
            <source>upgrading to schema version %1 failed: %2</source>
            <translation>升级到表结构版本%1失败：%2</translation>
        </message>
        <message>
            <source>%1: the database is not open</source>
            <translation>%1：数据库未打开</translation>
        </message>
        <message>
            <source>nothing was written</source>
            <translation>未写入任何内容</translation>
        </message>
        <message>
            <source>no answer from the check</source>
            <translation>检查没有返回结果</translation>
        </message>
        <message>
            <source>%1; and %2 more findings</source>
            <translation>%1；另有%2项发现</translation>
        </message>
        <message>
            <source>%1; and 1 more finding</source>
            <translation>%1；另有1项发现</translation>
        </message>
        <message>
            <source>%1 could not switch to write-ahead logging (journal mode: %2)</source>
            <translation>%1 无法切换到预写日志模式（日志模式：%2）</translation>
        </message>
    </context>
    <context>
        <name>DeferredIndexes</name>
        <message>
            <source>%1: building the indexes was cancelled</source>
            <translation>%1：建立索引已取消</translation>
        </message>
        <message>
            <source>%1: building the index %2: %3</source>
            <translation>%1：建立索引 %2 时出错：%3</translation>
        </message>
    </context>
    <context>
        <name>DeleteDialog</name>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Delete %1?&lt;/b&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;删除%1？&lt;/b&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;%1 depend on it and will be deleted with it.&lt;/p&gt;</source>
            <translation>&lt;p&gt;依赖它的%1将一并删除。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;%1: that link is cleared; those records stay.&lt;/p&gt;</source>
            <translation>&lt;p&gt;%1：该关联将被清除，这些记录仍保留。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p style='color:gray'&gt;You can take it all back with Edit → Undo.&lt;/p&gt;</source>
            <translation>&lt;p style='color:gray'&gt;可通过“编辑 → 撤销”全部恢复。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>删除(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Delete with dependents</source>
            <translation>连同依赖项删除(&amp;D)</translation>
        </message>
        <message numerus="yes">
            <source>… and %Ln more</source>
            <translation>
                <numerusform>… 另有%Ln项</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Dependents</name>
        <message>
            <source>%1 and %2</source>
            <translation>%1和%2</translation>
        </message>
        <message>
            <source>1 disbursement</source>
            <translation>1笔出资记录</translation>
        </message>
        <message>
            <source>%1 disbursements</source>
            <translation>%1笔出资记录</translation>
        </message>
        <message>
            <source>1 phase</source>
            <translation>1个期次</translation>
        </message>
        <message>
            <source>%1 phases</source>
            <translation>%1个期次</translation>
        </message>
        <message>
            <source>1 fund names it as parent</source>
            <translation>1只基金以它为母基金</translation>
        </message>
        <message>
            <source>%1 funds name it as parent</source>
            <translation>%1只基金以它为母基金</translation>
        </message>
        <message>
            <source>1 sub-fund investee looks through to it</source>
            <translation>1个子基金被投企业穿透至它</translation>
        </message>
        <message>
            <source>%1 sub-fund investees look through to it</source>
            <translation>%1个子基金被投企业穿透至它</translation>
        </message>
    </context>
    <context>
        <name>DetailHtml</name>
        <message>
            <source>Sub-fund</source>
            <translation>子基金</translation>
        </message>
        <message>
            <source>Funds that invested</source>
            <translation>投资方基金</translation>
        </message>
        <message>
            <source>Look-through: the sub-fund's own holdings</source>
            <translation>穿透：子基金自身的持仓</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;i&gt;No holdings of its own are recorded.&lt;/i&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;i&gt;未记录其自身的持仓。&lt;/i&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <source>date unknown</source>
            <translation>日期未知</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>capital not known</source>
            <translation>规模未知</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Ticker: %1</source>
            <translation>股票代码：%1</translation>
        </message>
        <message>
            <source>Founded: %1</source>
            <translation>成立时间：%1</translation>
        </message>
        <message>
            <source>%1; %2 events</source>
            <comment>the phases that paid, then the number of events</comment>
            <translation>%1；%2笔</translation>
        </message>
        <message>
            <source>Parent fund: %1</source>
            <translation>母基金：%1</translation>
        </message>
        <message>
            <source>Manager: %1</source>
            <translation>管理人：%1</translation>
        </message>
        <message>
            <source>Phases</source>
            <comment>fund phases</comment>
            <translation>期次</translation>
        </message>
    </context>
    <context>
        <name>DetailPane</name>
        <message>
            <source>Investee</source>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>Fund</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Stake</source>
            <translation>持股比例</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>未报告</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>可信度</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>No source recorded.</source>
            <translation>未记录来源。</translation>
        </message>
        <message>
            <source>Select a row to see its details, Chinese names and sources.</source>
            <translation>选择一行以查看其详情、中文名称和来源。</translation>
        </message>
        <message>
            <source>Phase</source>
            <comment>fund phase</comment>
            <translation>期次</translation>
        </message>
        <message>
            <source>%1 #%2</source>
            <comment>event type and record id</comment>
            <translation>%1 #%2</translation>
        </message>
    </context>
    <context>
        <name>DisbursementForm</name>
        <message>
            <source>Add disbursement</source>
            <translation>添加出资记录</translation>
        </message>
        <message>
            <source>Edit disbursement</source>
            <translation>编辑出资记录</translation>
        </message>
        <message>
            <source>&amp;New investee…</source>
            <translation>新建被投企业(&amp;N)…</translation>
        </message>
        <message>
            <source>YYYY, YYYY-MM or YYYY-MM-DD (empty: unknown)</source>
            <translation>YYYY、YYYY-MM 或 YYYY-MM-DD（留空：未知）</translation>
        </message>
        <message>
            <source>percent after the event, e.g. 15.9 (empty: not reported)</source>
            <translation>本笔之后的持股百分比，如 15.9（留空：未报告）</translation>
        </message>
        <message>
            <source>https://… (several: separate with “ | ”)</source>
            <translation>https://…（多个地址以“ | ”分隔）</translation>
        </message>
        <message>
            <source>&amp;Fund</source>
            <translation>基金(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Phase</source>
            <translation>期次(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Investee</source>
            <translation>被投企业(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>日期(&amp;D)</translation>
        </message>
        <message>
            <source>T&amp;ype</source>
            <translation>类型(&amp;Y)</translation>
        </message>
        <message>
            <source>&amp;Amount</source>
            <translation>金额(&amp;A)</translation>
        </message>
        <message>
            <source>Sta&amp;ke</source>
            <translation>持股比例(&amp;K)</translation>
        </message>
        <message>
            <source>Stat&amp;us</source>
            <translation>状态(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Confidence</source>
            <translation>可信度(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Source</source>
            <translation>来源(&amp;S)</translation>
        </message>
        <message>
            <source>N&amp;otes</source>
            <translation>备注(&amp;O)</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>New investee (added with the disbursement)</source>
            <translation>新被投企业（随出资记录一并添加）</translation>
        </message>
        <message>
            <source>New: added together with this disbursement</source>
            <translation>新建：随此出资记录一并添加</translation>
        </message>
        <message>
            <source>Choose the fund that paid.</source>
            <translation>请选择出资的基金。</translation>
        </message>
        <message>
            <source>This fund has no phase yet: add one first (Data → New phase).</source>
            <translation>该基金尚无期次：请先添加（数据 → 新建期次）。</translation>
        </message>
        <message>
            <source>the new investee: %1</source>
            <translation>新被投企业：%1</translation>
        </message>
        <message>
            <source>Add disbursement and investee</source>
            <translation>添加出资记录和被投企业</translation>
        </message>
        <message>
            <source>Edit disbursement, add investee</source>
            <translation>编辑出资记录，添加被投企业</translation>
        </message>
        <message>
            <source>type the paying fund's name (English or Chinese)</source>
            <translation>输入出资基金的名称（英文或中文）</translation>
        </message>
        <message>
            <source>type the company's name (English, Chinese or ticker)</source>
            <translation>输入企业名称（英文、中文或股票代码）</translation>
        </message>
        <message>
            <source>%1 Or create it: New investee…</source>
            <translation>%1 或新建：新建被投企业…</translation>
        </message>
    </context>
    <context>
        <name>DisbursementTableModel</name>
        <message>
            <source>The amount is undisclosed</source>
            <translation>金额未披露</translation>
        </message>
        <message>
            <source>1 %1 = %2 CNY</source>
            <translation>1 %1 = %2 CNY</translation>
        </message>
        <message>
            <source>%1 from %2 at the %3 rate (%4)</source>
            <translation>%1，由 %2 按%3年汇率折算（%4）</translation>
        </message>
        <message>
            <source>No %1 rate: the date is unknown, so no year's rate applies</source>
            <translation>无 %1 汇率：日期未知，无法适用任何年份的汇率</translation>
        </message>
        <message>
            <source>No %1 rate for %2</source>
            <translation>无%2年的 %1 汇率</translation>
        </message>
        <message>
            <source>The amount as reported, in its own currency</source>
            <translation>报告的金额，以其原币种计</translation>
        </message>
        <message>
            <source>The amount in %1 at the value date's yearly rate; empty where no rate exists</source>
            <translation>按日期所在年份的汇率折算为 %1 的金额；无汇率时为空</translation>
        </message>
        <message>
            <source>Investee</source>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Fund</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>期次</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Stake</source>
            <translation>持股比例</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>可信度</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>unknown</source>
            <comment>a date nobody reported</comment>
            <translation>未知</translation>
        </message>
        <message>
            <source>%1 or %2</source>
            <comment>one currency or the other</comment>
            <translation>%1 或 %2</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>来源：%1</translation>
        </message>
    </context>
    <context>
        <name>EditActions</name>
        <message>
            <source>Not stored: %1</source>
            <translation>未保存：%1</translation>
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
            <source>New &amp;fund…</source>
            <translation>新建基金(&amp;F)…</translation>
        </message>
        <message>
            <source>New &amp;phase…</source>
            <translation>新建期次(&amp;P)…</translation>
        </message>
        <message>
            <source>New &amp;investee…</source>
            <translation>新建被投企业(&amp;I)…</translation>
        </message>
        <message>
            <source>New &amp;disbursement…</source>
            <translation>新建出资记录(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Edit record…</source>
            <translation>编辑记录(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Delete records…</source>
            <translation>删除记录(&amp;D)…</translation>
        </message>
        <message>
            <source>E&amp;xchange rates…</source>
            <translation>汇率(&amp;X)…</translation>
        </message>
        <message>
            <source>&amp;History of selected record</source>
            <translation>所选记录的历史记录(&amp;H)</translation>
        </message>
        <message>
            <source>Undo history</source>
            <translation>撤销历史</translation>
        </message>
        <message>
            <source>&lt;opened&gt;</source>
            <translation>&lt;打开时&gt;</translation>
        </message>
        <message>
            <source>Undo &amp;history</source>
            <translation>撤销历史(&amp;H)</translation>
        </message>
        <message>
            <source>Editing</source>
            <translation>编辑</translation>
        </message>
        <message>
            <source>D&amp;ata</source>
            <translation>数据(&amp;A)</translation>
        </message>
        <message>
            <source>Select a row to edit first.</source>
            <translation>请先选择要编辑的行。</translation>
        </message>
        <message>
            <source>Select the rows to delete first.</source>
            <translation>请先选择要删除的行。</translation>
        </message>
        <message numerus="yes">
            <source>Deleted %n record(s). Undo with Ctrl+Z.</source>
            <translation>
                <numerusform>已删除%n条记录。按 Ctrl+Z 撤销。</numerusform>
            </translation>
        </message>
        <message>
            <source>Not deleted: %1</source>
            <translation>未删除：%1</translation>
        </message>
        <message>
            <source>New phase of this fund…</source>
            <translation>为此基金新建期次…</translation>
        </message>
        <message>
            <source>Edit this &amp;cell</source>
            <translation>编辑此单元格(&amp;C)</translation>
        </message>
        <message>
            <source>Show &amp;history</source>
            <translation>显示历史记录(&amp;H)</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史记录</translation>
        </message>
        <message>
            <source>&lt;p style='color:gray'&gt;&lt;i&gt;No changes recorded since it was loaded.&lt;/i&gt;&lt;/p&gt;</source>
            <translation>&lt;p style='color:gray'&gt;&lt;i&gt;自加载以来没有记录任何更改。&lt;/i&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>已删除</translation>
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <translation>%1：%2 → %3</translation>
        </message>
        <message>
            <source>&amp;New fund…</source>
            <translation>新建基金(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;New phase…</source>
            <translation>新建期次(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;New investee…</source>
            <translation>新建被投企业(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;New disbursement…</source>
            <translation>新建出资记录(&amp;N)…</translation>
        </message>
        <message>
            <source>Added the fund. Undo with Ctrl+Z.</source>
            <translation>已添加基金。按 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <source>Added the phase. Undo with Ctrl+Z.</source>
            <translation>已添加期次。按 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <source>Added the investee. Undo with Ctrl+Z.</source>
            <translation>已添加被投企业。按 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <source>Added the disbursement. Undo with Ctrl+Z.</source>
            <translation>已添加出资记录。按 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <source>the fund “%1”</source>
            <translation>基金“%1”</translation>
        </message>
        <message numerus="yes">
            <source>%n fund(s)</source>
            <translation>
                <numerusform>%n只基金</numerusform>
            </translation>
        </message>
        <message>
            <source>the phase “%1”</source>
            <translation>期次“%1”</translation>
        </message>
        <message numerus="yes">
            <source>%n phase(s)</source>
            <translation>
                <numerusform>%n个期次</numerusform>
            </translation>
        </message>
        <message>
            <source>the investee “%1”</source>
            <translation>被投企业“%1”</translation>
        </message>
        <message numerus="yes">
            <source>%n investee(s)</source>
            <translation>
                <numerusform>%n家被投企业</numerusform>
            </translation>
        </message>
        <message>
            <source>the disbursement “%1”</source>
            <translation>出资记录“%1”</translation>
        </message>
        <message numerus="yes">
            <source>%n disbursement(s)</source>
            <translation>
                <numerusform>%n笔出资记录</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Undo %1</source>
            <translation>撤销“%1”(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo %1</source>
            <translation>重做“%1”(&amp;R)</translation>
        </message>
        <message>
            <source>New disbursement for this investee…</source>
            <translation>为此被投企业新建出资记录…</translation>
        </message>
        <message>
            <source>New disbursement for this phase…</source>
            <translation>为此期次新建出资记录…</translation>
        </message>
    </context>
    <context>
        <name>EditCommand</name>
        <message>
            <source>Add fund</source>
            <translation>添加基金</translation>
        </message>
        <message>
            <source>Add phase</source>
            <translation>添加期次</translation>
        </message>
        <message>
            <source>Add investee</source>
            <translation>添加被投企业</translation>
        </message>
        <message>
            <source>Add disbursement</source>
            <translation>添加出资记录</translation>
        </message>
        <message>
            <source>Delete fund</source>
            <translation>删除基金</translation>
        </message>
        <message>
            <source>Delete phase</source>
            <translation>删除期次</translation>
        </message>
        <message>
            <source>Delete investee</source>
            <translation>删除被投企业</translation>
        </message>
        <message>
            <source>Delete disbursement</source>
            <translation>删除出资记录</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n funds</source>
            <translation>
                <numerusform>删除%n只基金</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n phases</source>
            <translation>
                <numerusform>删除%n个期次</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n investees</source>
            <translation>
                <numerusform>删除%n家被投企业</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n disbursements</source>
            <translation>
                <numerusform>删除%n笔出资记录</numerusform>
            </translation>
        </message>
        <message>
            <source>Edit fund</source>
            <translation>编辑基金</translation>
        </message>
        <message>
            <source>Edit phase</source>
            <translation>编辑期次</translation>
        </message>
        <message>
            <source>Edit investee</source>
            <translation>编辑被投企业</translation>
        </message>
        <message>
            <source>Edit disbursement</source>
            <translation>编辑出资记录</translation>
        </message>
        <message>
            <source>the %1 no longer exists</source>
            <translation>该%1已不存在</translation>
        </message>
        <message>
            <source>Set exchange rate %1 %2</source>
            <translation>设置汇率 %1 %2</translation>
        </message>
        <message>
            <source>Delete exchange rate %1 %2</source>
            <translation>删除汇率 %1 %2</translation>
        </message>
        <message>
            <source>“%1” could not be redone: %2</source>
            <translation>无法重做“%1”：%2</translation>
        </message>
        <message>
            <source>“%1” could not be undone: %2</source>
            <translation>无法撤销“%1”：%2</translation>
        </message>
        <message>
            <source>Set %1 %2</source>
            <comment>set the record kind's field: Set fund name</comment>
            <translation>设置%1的%2</translation>
        </message>
    </context>
    <context>
        <name>ExchangeRateRepository</name>
        <message>
            <source>currency: '%1' is not a currency Fundscope knows.</source>
            <translation>币种：“%1”不是 Fundscope 已知的币种。</translation>
        </message>
        <message>
            <source>currency: CNY is the base of every rate; it needs none.</source>
            <translation>币种：CNY 是所有汇率的基准，无需汇率。</translation>
        </message>
        <message>
            <source>There is no %1 rate for %2.</source>
            <translation>没有%2年的 %1 汇率。</translation>
        </message>
    </context>
    <context>
        <name>ExchangeRateTableModel</name>
        <message>
            <source>CNY for one %1 in %2</source>
            <translation>%2年每 1 %1 折合的 CNY</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <source>CNY per unit</source>
            <translation>每单位折合 CNY</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>'%1' is not a rate: write a number such as 7.1884.</source>
            <translation>“%1”不是有效的汇率：请输入数字，如 7.1884。</translation>
        </message>
    </context>
    <context>
        <name>ExchangeRatesDialog</name>
        <message>
            <source>Exchange rates</source>
            <translation>汇率</translation>
        </message>
        <message>
            <source>CNY per unit of each currency, by year. Totals in a base currency use the rate of the value date's year. Double-click a rate or source to change it.</source>
            <translation>各币种每单位折合的 CNY，按年份列出。以本位币计算合计时，使用日期所在年份的汇率。双击汇率或来源可修改。</translation>
        </message>
        <message>
            <source>CNY per unit, e.g. 7.1884</source>
            <translation>每单位折合 CNY，如 7.1884</translation>
        </message>
        <message>
            <source>source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>&amp;Set rate</source>
            <translation>设置汇率(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Delete selected</source>
            <translation>删除所选(&amp;D)</translation>
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
            <source>Add or replace a rate:</source>
            <translation>添加或替换汇率：</translation>
        </message>
        <message>
            <source>'%1' is not a rate: write a number such as 7.1884.</source>
            <translation>“%1”不是有效的汇率：请输入数字，如 7.1884。</translation>
        </message>
        <message>
            <source>%1 %2 set to %3 CNY.</source>
            <translation>%2年 %1 汇率已设为 %3 CNY。</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n exchange rate(s)</source>
            <translation>
                <numerusform>删除%n条汇率</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <source>Export &amp;chart…</source>
            <translation>导出图表(&amp;C)…</translation>
        </message>
        <message>
            <source>Export &amp;table…</source>
            <translation>导出表格(&amp;T)…</translation>
        </message>
        <message>
            <source>Export re&amp;port…</source>
            <translation>导出报告(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Print report…</source>
            <translation>打印报告(&amp;P)…</translation>
        </message>
        <message>
            <source>Copy c&amp;hart</source>
            <translation>复制图表(&amp;H)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>The totals are still being computed. Try again in a moment.</source>
            <translation>合计仍在计算中，请稍后再试。</translation>
        </message>
        <message>
            <source>The figures could not be computed: %1</source>
            <translation>无法计算数据：%1</translation>
        </message>
        <message>
            <source>Chart written to %1</source>
            <translation>图表已写入 %1</translation>
        </message>
        <message>
            <source>Copy chart</source>
            <translation>复制图表</translation>
        </message>
        <message>
            <source>The chart could not be drawn at %1 × %2 pixels.</source>
            <translation>无法以 %1 × %2 像素绘制图表。</translation>
        </message>
        <message>
            <source>Chart copied (%1 × %2 px at %3 dpi)</source>
            <translation>图表已复制（%1 × %2 px，%3 dpi）</translation>
        </message>
        <message>
            <source>Export table</source>
            <translation>导出表格</translation>
        </message>
        <message>
            <source>An export is still running.</source>
            <translation>仍有导出正在进行。</translation>
        </message>
        <message>
            <source>The holdings could not be computed: %1</source>
            <translation>无法计算持仓：%1</translation>
        </message>
        <message>
            <source>Writing %1…</source>
            <translation>正在写入 %1…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Export cancelled; nothing was written</source>
            <translation>导出已取消，未写入任何内容</translation>
        </message>
        <message>
            <source>Export report</source>
            <translation>导出报告</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Print report</source>
            <translation>打印报告</translation>
        </message>
        <message>
            <source>The printer could not be started.</source>
            <translation>无法启动打印机。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) written to %1</source>
            <translation>
                <numerusform>已将%Ln行写入 %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Report of %n page(s) written to %1</source>
            <translation>
                <numerusform>%n页的报告已写入 %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Report of %n page(s) sent to the printer</source>
            <translation>
                <numerusform>%n页的报告已发送到打印机</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportChartDialog</name>
        <message>
            <source>By sector</source>
            <translation>按行业</translation>
        </message>
        <message>
            <source>By segment (every sector)</source>
            <translation>按细分领域（所有行业）</translation>
        </message>
        <message>
            <source>By region</source>
            <translation>按地区</translation>
        </message>
        <message>
            <source>By funding phase</source>
            <translation>按基金期次</translation>
        </message>
        <message>
            <source>Over time</source>
            <translation>按年份</translation>
        </message>
        <message>
            <source>Top investees</source>
            <translation>被投企业排名</translation>
        </message>
        <message>
            <source>Export chart</source>
            <translation>导出图表</translation>
        </message>
        <message>
            <source>PNG image</source>
            <translation>PNG 图像</translation>
        </message>
        <message>
            <source>SVG (vector, text as text)</source>
            <translation>SVG（矢量，文字保留为文本）</translation>
        </message>
        <message>
            <source>PDF (vector, searchable text)</source>
            <translation>PDF（矢量，文字可搜索）</translation>
        </message>
        <message>
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <source> dpi</source>
            <translation> dpi</translation>
        </message>
        <message>
            <source>%1 × %2 in</source>
            <translation>%1 × %2 英寸</translation>
        </message>
        <message>
            <source>White</source>
            <translation>白色</translation>
        </message>
        <message>
            <source>Transparent (PNG, SVG)</source>
            <translation>透明（PNG、SVG）</translation>
        </message>
        <message>
            <source>As shown (dark)</source>
            <translation>与显示一致（深色）</translation>
        </message>
        <message>
            <source>As shown (light)</source>
            <translation>与显示一致（浅色）</translation>
        </message>
        <message>
            <source>Light, for print</source>
            <translation>浅色，适合打印</translation>
        </message>
        <message>
            <source>The colours of the window's theme, or the light palette, which prints well</source>
            <translation>窗口主题的配色，或适合打印的浅色配色</translation>
        </message>
        <message>
            <source>The chart's own title</source>
            <translation>图表自身的标题</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>&amp;Chart:</source>
            <translation>图表(&amp;C)：</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Size:</source>
            <translation>尺寸(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Background:</source>
            <translation>背景(&amp;B)：</translation>
        </message>
        <message>
            <source>&amp;Palette:</source>
            <translation>配色(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>标题(&amp;T)：</translation>
        </message>
        <message>
            <source>Save &amp;as:</source>
            <translation>另存为(&amp;A)：</translation>
        </message>
        <message>
            <source>Solid (dark, as shown)</source>
            <translation>纯色（深色，与显示一致）</translation>
        </message>
        <message>
            <source>Choose a file name to save the chart as.</source>
            <translation>请选择保存图表的文件名。</translation>
        </message>
        <message>
            <source>SVG files (*.svg)</source>
            <translation>SVG 文件 (*.svg)</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
    </context>
    <context>
        <name>ExportFile</name>
        <message>
            <source>%1 exists. Replace it?</source>
            <translation>%1 已存在。要替换吗？</translation>
        </message>
        <message>
            <source>the disk is full (%L1 bytes free on %2)</source>
            <translation>磁盘已满（%2 上剩余%L1字节）</translation>
        </message>
        <message>
            <source>the file could not be written</source>
            <translation>无法写入文件</translation>
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>cannot write %1: %2; choose another file</source>
            <translation>无法写入 %1：%2；请选择其他文件</translation>
        </message>
        <message>
            <source>%1 is a file, not a folder</source>
            <translation>%1 是文件，不是文件夹</translation>
        </message>
        <message>
            <source>the folder %1 cannot be created</source>
            <translation>无法创建文件夹 %1</translation>
        </message>
        <message>
            <source>%1; %2</source>
            <comment>a reason, then another</comment>
            <translation>%1；%2</translation>
        </message>
    </context>
    <context>
        <name>ExportTableDialog</name>
        <message>
            <source>Export table</source>
            <translation>导出表格</translation>
        </message>
        <message>
            <source>Disbursements (interchange format: re-imports)</source>
            <translation>出资记录（交换格式，可重新导入）</translation>
        </message>
        <message>
            <source>Holdings: investees with totals under the filter</source>
            <translation>持仓：当前筛选条件下的被投企业及合计</translation>
        </message>
        <message>
            <source>Investees (interchange format)</source>
            <translation>被投企业（交换格式）</translation>
        </message>
        <message>
            <source>Funds (interchange format)</source>
            <translation>基金（交换格式）</translation>
        </message>
        <message>
            <source>Phases (interchange format)</source>
            <translation>期次（交换格式）</translation>
        </message>
        <message>
            <source>CSV (UTF-8)</source>
            <translation>CSV (UTF-8)</translation>
        </message>
        <message>
            <source>Excel workbook (XLSX)</source>
            <translation>Excel 工作簿 (XLSX)</translation>
        </message>
        <message>
            <source>Start with a byte order mark, so that Excel reads UTF-8</source>
            <translation>在开头写入字节顺序标记 (BOM)，以便 Excel 正确读取 UTF-8</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>&amp;Table:</source>
            <translation>表格(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message>
            <source>Save &amp;as:</source>
            <translation>另存为(&amp;A)：</translation>
        </message>
        <message>
            <source>Choose a file name to save the table as.</source>
            <translation>请选择保存表格的文件名。</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>FieldText</name>
        <message>
            <source>This column cannot be edited here.</source>
            <translation>此列不能在此处编辑。</translation>
        </message>
    </context>
    <context>
        <name>Figures</name>
        <message>
            <source>Invested</source>
            <translation>投资额</translation>
        </message>
        <message>
            <source>Committed</source>
            <translation>承诺出资额</translation>
        </message>
        <message>
            <source>Divested</source>
            <translation>退出额</translation>
        </message>
        <message>
            <source>disbursements, equity purchases, loans and grants</source>
            <translation>实缴出资、股权收购、贷款和补助</translation>
        </message>
        <message>
            <source>commitments, kept apart from money invested</source>
            <translation>承诺出资，与投资额分开计算</translation>
        </message>
        <message>
            <source>equity sales</source>
            <translation>股权转让</translation>
        </message>
        <message>
            <source>Invested in companies</source>
            <translation>投向企业的投资额</translation>
        </message>
        <message>
            <source>Committed to companies</source>
            <translation>对企业的承诺出资额</translation>
        </message>
        <message>
            <source>Divested from companies</source>
            <translation>从企业退出的金额</translation>
        </message>
        <message>
            <source>Invested into sub-funds</source>
            <translation>投向子基金的投资额</translation>
        </message>
        <message>
            <source>Committed into sub-funds</source>
            <translation>对子基金的承诺出资额</translation>
        </message>
        <message>
            <source>Divested from sub-funds</source>
            <translation>从子基金退出的金额</translation>
        </message>
        <message>
            <source>%1 %2 in companies</source>
            <translation>企业 %1 %2</translation>
        </message>
        <message>
            <source>%1 into sub-funds</source>
            <translation>子基金 %1</translation>
        </message>
        <message>
            <source>%1 undisclosed</source>
            <translation>%1笔未披露</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <comment>a column's title: the measure (its unit)</comment>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>%1 invested</source>
            <translation>投资额 %1</translation>
        </message>
        <message>
            <source>%1 committed</source>
            <translation>承诺出资额 %1</translation>
        </message>
        <message>
            <source>%1 divested</source>
            <translation>退出额 %1</translation>
        </message>
        <message>
            <source>1 flow into sub-funds left out: the sub-fund's own investments reach the companies.</source>
            <translation>1笔投向子基金的出资未计入：子基金自身的投资会流向企业。</translation>
        </message>
        <message>
            <source>%1 flows into sub-funds left out: the sub-funds' own investments reach the companies.</source>
            <translation>%1笔投向子基金的出资未计入：子基金自身的投资会流向企业。</translation>
        </message>
        <message>
            <source>1 flow into sub-funds (%1 %2) left out: the sub-fund's own investments reach the companies.</source>
            <translation>1笔投向子基金的出资（%1 %2）未计入：子基金自身的投资会流向企业。</translation>
        </message>
        <message>
            <source>%1 flows into sub-funds (%2 %3) left out: the sub-funds' own investments reach the companies.</source>
            <translation>%1笔投向子基金的出资（%2 %3）未计入：子基金自身的投资会流向企业。</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>YYYY[-MM[-DD]]</source>
            <translation>YYYY[-MM[-DD]]</translation>
        </message>
        <message>
            <source>Earliest value date, inclusive</source>
            <translation>最早日期（含）</translation>
        </message>
        <message>
            <source>Latest value date, inclusive</source>
            <translation>最晚日期（含）</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>可信度</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Base currency for totals (converted at the value date's yearly rate)</source>
            <translation>合计所用的本位币（按日期所在年份的汇率折算）</translation>
        </message>
        <message>
            <source>Clear filter</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <source>Remove every restriction</source>
            <translation>清除所有筛选条件</translation>
        </message>
        <message>
            <source>Showing: %1</source>
            <translation>显示：%1</translation>
        </message>
        <message>
            <source>Search names (English or Chinese) or tickers — Ctrl+F</source>
            <translation>搜索名称（英文或中文）或股票代码 — Ctrl+F</translation>
        </message>
        <message>
            <source>From</source>
            <comment>a date range</comment>
            <translation>从</translation>
        </message>
        <message>
            <source>to</source>
            <comment>a date range</comment>
            <translation>至</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <source>undisclosed</source>
            <comment>an amount nobody reported</comment>
            <translation>未披露</translation>
        </message>
    </context>
    <context>
        <name>FundForm</name>
        <message>
            <source>Add fund</source>
            <translation>添加基金</translation>
        </message>
        <message>
            <source>Edit fund</source>
            <translation>编辑基金</translation>
        </message>
        <message>
            <source>English name, as in the sources</source>
            <translation>英文名称，与来源一致</translation>
        </message>
        <message>
            <source>the fund of funds it belongs to, if any</source>
            <translation>所属母基金（如有）</translation>
        </message>
        <message>
            <source>https://… (several: separate with “ | ”)</source>
            <translation>https://…（多个地址以“ | ”分隔）</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>名称(&amp;N)</translation>
        </message>
        <message>
            <source>Chinese na&amp;me</source>
            <translation>中文名称(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>类别(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Level</source>
            <translation>级别(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Parent fund</source>
            <translation>母基金(&amp;P)</translation>
        </message>
        <message>
            <source>Mana&amp;ger</source>
            <translation>管理人(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Source</source>
            <translation>来源(&amp;S)</translation>
        </message>
        <message>
            <source>N&amp;otes</source>
            <translation>备注(&amp;O)</translation>
        </message>
        <message>
            <source>Chinese name</source>
            <translation>中文名称</translation>
        </message>
    </context>
    <context>
        <name>FundTableModel</name>
        <message>
            <source>Fund</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>中文名</source>
            <translation>中文名</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Parent fund</source>
            <translation>母基金</translation>
        </message>
        <message>
            <source>Phases</source>
            <translation>期次</translation>
        </message>
        <message>
            <source>Registered capital</source>
            <translation>注册资本</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>笔数</translation>
        </message>
        <message>
            <source>%1: %2 %3</source>
            <comment>measure: currency amount</comment>
            <translation>%1：%2 %3</translation>
        </message>
        <message>
            <source>Registered capital: %1</source>
            <translation>注册资本：%1</translation>
        </message>
        <message>
            <source>Manager: %1</source>
            <translation>管理人：%1</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>来源：%1</translation>
        </message>
    </context>
    <context>
        <name>FundTreeModel</name>
        <message>
            <source>Fund / phase</source>
            <translation>基金 / 期次</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>笔数</translation>
        </message>
        <message>
            <source>Capital: %1</source>
            <translation>规模：%1</translation>
        </message>
        <message>
            <source>Capital: %1 (%2)</source>
            <comment>the amount (its basis)</comment>
            <translation>规模：%1（%2）</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <comment>a fund's kind, its level</comment>
            <translation>%2%1</translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
        <message>
            <source>All records</source>
            <translation>所有记录</translation>
        </message>
        <message>
            <source>Funds</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>Investees</source>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>Disbursements</source>
            <translation>出资记录</translation>
        </message>
        <message>
            <source>Exchange rates</source>
            <translation>汇率</translation>
        </message>
        <message>
            <source>Find in fields, values and users</source>
            <translation>在字段、值和用户中查找</translation>
        </message>
        <message>
            <source>Show every record</source>
            <translation>显示所有记录</translation>
        </message>
        <message>
            <source>Changes to %1</source>
            <translation>%1的更改</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>更改</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — %L2 recorded, newest first</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — 已记录%L2条，最新的在前</translation>
        </message>
        <message>
            <source>Phases</source>
            <comment>fund phases</comment>
            <translation>期次</translation>
        </message>
        <message>
            <source>Show</source>
            <comment>which records' changes to list</comment>
            <translation>显示</translation>
        </message>
    </context>
    <context>
        <name>HistoryRepository</name>
        <message>
            <source>%1, %2 %3</source>
            <comment>investee, date and type of an event</comment>
            <translation>%1，%2 %3</translation>
        </message>
        <message>
            <source>date unknown</source>
            <translation>日期未知</translation>
        </message>
        <message>
            <source>%1 (deleted)</source>
            <translation>%1（已删除）</translation>
        </message>
    </context>
    <context>
        <name>HistoryTableModel</name>
        <message>
            <source>Fund</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>期次</translation>
        </message>
        <message>
            <source>Investee</source>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>Disbursement</source>
            <translation>出资记录</translation>
        </message>
        <message>
            <source>Exchange rate</source>
            <translation>汇率</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>已删除</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>已更改</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>What</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Old value</source>
            <translation>原值</translation>
        </message>
        <message>
            <source>New value</source>
            <translation>新值</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <comment>a record's kind: its name</comment>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <comment>a field's label: its value</comment>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>ImportActions</name>
        <message>
            <source>&amp;Import CSV…</source>
            <translation>导入 CSV(&amp;I)…</translation>
        </message>
        <message>
            <source>Import funds, phases, investees, disbursements or exchange rates from CSV files</source>
            <translation>从 CSV 文件导入基金、期次、被投企业、出资记录或汇率</translation>
        </message>
    </context>
    <context>
        <name>ImportCheckPage</name>
        <message>
            <source>Check</source>
            <translation>检查</translation>
        </message>
        <message>
            <source>Every row is read and checked; nothing is stored yet.</source>
            <translation>读取并检查每一行；尚未存储任何内容。</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>未知项</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>行数</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Existing name</source>
            <translation>已有名称</translation>
        </message>
        <message>
            <source>When rows have problems</source>
            <translation>当行有问题时</translation>
        </message>
        <message>
            <source>Import &amp;nothing (fix the file first)</source>
            <translation>不导入任何内容（先修正文件）(&amp;N)</translation>
        </message>
        <message>
            <source>Import the &amp;valid rows, leave out the others</source>
            <translation>导入有效行，忽略其他行(&amp;V)</translation>
        </message>
        <message>
            <source>are problems</source>
            <translation>视为问题</translation>
        </message>
        <message>
            <source>are skipped</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>are kept (stored again)</source>
            <translation>保留（再次存储）</translation>
        </message>
        <message>
            <source>Check &amp;again</source>
            <translation>重新检查(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Duplicates (same fund, phase, investee, date, type and amount):</source>
            <translation>重复行（基金、期次、被投企业、日期、类型和金额均相同）(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>导入(&amp;I)</translation>
        </message>
        <message>
            <source>Checking… %L1 rows read (%L2 rows/s)</source>
            <translation>正在检查… 已读取%L1行（%L2行/秒）</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <source>The check was cancelled.</source>
            <translation>检查已取消。</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;The files cannot be imported as they are:&lt;/b&gt; %n problem(s) concern whole files or the database (listed first).</source>
            <translation>
                <numerusform>&lt;b&gt;文件无法按原样导入：&lt;/b&gt;有%n个问题涉及整个文件或数据库（列在最前）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;Every row is valid: %n row(s).&lt;/b&gt;</source>
            <translation>
                <numerusform>&lt;b&gt;所有行均有效：共%n行。&lt;/b&gt;</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;Valid rows: %L1. Rows with problems: %L2&lt;/b&gt; (%n problem(s) listed below, by line and column).</source>
            <translation>
                <numerusform>&lt;b&gt;有效行：%L1。有问题的行：%L2&lt;/b&gt;（下方按行和列列出%n个问题）。</numerusform>
            </translation>
        </message>
        <message>
            <source>Duplicates to skip: %L1.</source>
            <translation>将跳过的重复行：%L1。</translation>
        </message>
        <message>
            <source>fund</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>phase</source>
            <translation>期次</translation>
        </message>
        <message>
            <source>investee</source>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>First used at %1</source>
            <translation>首次出现于 %1</translation>
        </message>
        <message>
            <source>Leave as a problem</source>
            <translation>保留为问题</translation>
        </message>
        <message>
            <source>Create it</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Map to existing</source>
            <translation>对应到已有记录</translation>
        </message>
        <message>
            <source>existing name</source>
            <translation>已有名称</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <comment>one sentence, then the next</comment>
            <translation>%1%2</translation>
        </message>
    </context>
    <context>
        <name>ImportFilesPage</name>
        <message>
            <source>comma</source>
            <translation>逗号</translation>
        </message>
        <message>
            <source>semicolon</source>
            <translation>分号</translation>
        </message>
        <message>
            <source>tab</source>
            <translation>制表符</translation>
        </message>
        <message>
            <source>bar |</source>
            <translation>竖线 |</translation>
        </message>
        <message>
            <source>Files to import</source>
            <translation>要导入的文件</translation>
        </message>
        <message>
            <source>Interchange CSV files or spreadsheets saved as CSV. The encoding, delimiter and header are detected; correct them here if they are wrong.</source>
            <translation>交换格式的 CSV 文件，或另存为 CSV 的电子表格。编码、分隔符和标题行会自动检测；如有误，可在此更正。</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Encoding</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Delimiter</source>
            <translation>分隔符</translation>
        </message>
        <message>
            <source>Header row</source>
            <translation>标题行</translation>
        </message>
        <message>
            <source>Holds</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>&amp;Add files…</source>
            <translation>添加文件(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>移除(&amp;R)</translation>
        </message>
        <message>
            <source>Tip: you can also drop CSV files on the main window.</source>
            <translation>提示：也可以将 CSV 文件拖放到主窗口。</translation>
        </message>
        <message>
            <source>Import CSV files</source>
            <translation>导入 CSV 文件</translation>
        </message>
        <message>
            <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
            <translation>CSV 文件 (*.csv *.txt *.tsv);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Detected: %1</source>
            <translation>检测到：%1</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>（请选择）</translation>
        </message>
    </context>
    <context>
        <name>ImportIssueModel</name>
        <message>
            <source>%1 (skipped)</source>
            <translation>%1（已跳过）</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
    </context>
    <context>
        <name>ImportMappingPage</name>
        <message>
            <source>Columns</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Which column holds which field. Columns whose header names a field are mapped already; fields in bold are required.</source>
            <translation>指定各列对应的字段。标题与字段名相同的列已自动对应；粗体字段为必填项。</translation>
        </message>
        <message>
            <source>A&amp;pply preset</source>
            <translation>应用预设(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Save as preset…</source>
            <translation>另存为预设(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>文件(&amp;F)：</translation>
        </message>
        <message>
            <source>Preset:</source>
            <translation>预设：</translation>
        </message>
        <message>
            <source>(not imported)</source>
            <translation>（不导入）</translation>
        </message>
        <message>
            <source>Column %1 is mapped twice: to %2 and to %3. Map each column to one field.</source>
            <translation>列“%1”被对应了两次：%2 和 %3。每列只能对应一个字段。</translation>
        </message>
        <message>
            <source>Required fields without a column: %1.</source>
            <translation>以下必填字段没有对应的列：%1。</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>保存预设</translation>
        </message>
        <message>
            <source>Name of the preset:</source>
            <translation>预设名称：</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <comment>file name (what it holds)</comment>
            <translation>%1（%2）</translation>
        </message>
    </context>
    <context>
        <name>ImportRunPage</name>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>All rows go in one transaction: a cancelled or failed import changes nothing.</source>
            <translation>所有行在同一个事务中写入：取消或失败的导入不会做任何更改。</translation>
        </message>
        <message>
            <source>&amp;Cancel import</source>
            <translation>取消导入(&amp;C)</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>%L1 rows read · %L2 rows/s</source>
            <translation>已读取%L1行 · %L2行/秒</translation>
        </message>
        <message>
            <source>%L1 rows read · %L2 rows/s · building indexes…</source>
            <translation>已读取%L1行 · %L2行/秒 · 正在建立索引…</translation>
        </message>
        <message>
            <source>%L1 rows · saving…</source>
            <translation>%L1行 · 正在保存…</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>正在开始…</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <source>The import was cancelled; the database was not changed.</source>
            <translation>导入已取消，数据库未作更改。</translation>
        </message>
        <message>
            <source>Failed.</source>
            <translation>失败。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Nothing was imported.&lt;/b&gt;&lt;br&gt;%1</source>
            <translation>&lt;b&gt;未导入任何内容。&lt;/b&gt;&lt;br&gt;%1</translation>
        </message>
        <message>
            <source>Edit → Undo takes it back.</source>
            <translation>可通过“编辑 → 撤销”撤回。</translation>
        </message>
        <message>
            <source>Done.</source>
            <translation>完成。</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <comment>one sentence, then the next</comment>
            <translation>%1%2</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;Imported %Ln row(s).&lt;/b&gt;</source>
            <translation>
                <numerusform>&lt;b&gt;已导入%Ln行。&lt;/b&gt;</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) with problems left out.</source>
            <translation>
                <numerusform>已忽略%Ln个有问题的行。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln duplicate(s) skipped.</source>
            <translation>
                <numerusform>已跳过%Ln个重复行。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import %1 (%Ln row(s))</source>
            <translation>
                <numerusform>导入 %1（%Ln行）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Import CSV</source>
            <translation>导入 CSV</translation>
        </message>
        <message>
            <source>column %1</source>
            <translation>第%1列</translation>
        </message>
        <message>
            <source>Funds</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>Phases</source>
            <translation>期次</translation>
        </message>
        <message>
            <source>Investees</source>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>Disbursements</source>
            <translation>出资记录</translation>
        </message>
        <message>
            <source>Exchange rates</source>
            <translation>汇率</translation>
        </message>
    </context>
    <context>
        <name>ImportedRows</name>
        <message>
            <source>the imported rows were already removed</source>
            <translation>导入的行已被移除</translation>
        </message>
        <message>
            <source>the imported rows are still in the database</source>
            <translation>导入的行仍在数据库中</translation>
        </message>
        <message>
            <source>the database is not open</source>
            <translation>数据库未打开</translation>
        </message>
        <message>
            <source>the import was made in %1, not in %2</source>
            <translation>该导入是在 %1 中进行的，而不是 %2</translation>
        </message>
        <message>
            <source>no scratch space for undo: %1</source>
            <translation>没有用于撤销的临时空间：%1</translation>
        </message>
        <message>
            <source>the removed rows were not kept</source>
            <translation>移除的行未被保留</translation>
        </message>
        <message>
            <source>cannot open the undo scratch file: %1</source>
            <translation>无法打开撤销用的临时文件：%1</translation>
        </message>
        <message>
            <source>%1 imported %2 rows are no longer in the database</source>
            <translation>已导入的%1行 %2 数据已不在数据库中</translation>
        </message>
        <message>
            <source>the import could not be undone: %1</source>
            <translation>无法撤销导入：%1</translation>
        </message>
        <message>
            <source>the import could not be redone: %1</source>
            <translation>无法重做导入：%1</translation>
        </message>
    </context>
    <context>
        <name>InterchangeLoader</name>
        <message>
            <source>'%1' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)</source>
            <translation>“%1”不是日期（应为 YYYY、YYYY-MM 或 YYYY-MM-DD）</translation>
        </message>
        <message>
            <source>'%1': year %2 is out of range</source>
            <translation>“%1”：年份%2超出范围</translation>
        </message>
        <message>
            <source>'%1' is an impossible date: there is no month %2</source>
            <translation>“%1”是不存在的日期：没有%2月</translation>
        </message>
        <message>
            <source>'%1' is an impossible date: %2 has %3 days</source>
            <translation>“%1”是不存在的日期：%2只有%3天</translation>
        </message>
        <message>
            <source>... and %1 more problems</source>
            <translation>… 另有%1个问题</translation>
        </message>
        <message>
            <source>... and %1 more errors</source>
            <translation>… 另有%1个错误</translation>
        </message>
        <message>
            <source>%1 (its row at %2 was rejected)</source>
            <translation>%1（其位于%2的行已被拒绝）</translation>
        </message>
        <message>
            <source>line %1</source>
            <translation>第%1行</translation>
        </message>
        <message>
            <source>the file is empty: expected a header row and data rows</source>
            <translation>文件为空：应包含标题行和数据行</translation>
        </message>
        <message>
            <source>unknown kind of file '%1' (expected one of: %2)</source>
            <translation>未知的文件类型“%1”（应为以下之一：%2）</translation>
        </message>
        <message>
            <source>a file without a header needs its kind and column mapping given</source>
            <translation>没有标题行的文件需要指定其类型和列对应关系</translation>
        </message>
        <message>
            <source>cannot tell what this file holds from its header; expected the header of one of: %1 (see the interchange format)</source>
            <translation>无法根据标题行判断此文件的内容；应为以下之一的标题行：%1（参见交换格式）</translation>
        </message>
        <message>
            <source>column %1</source>
            <translation>第%1列</translation>
        </message>
        <message>
            <source>column %1 ('%2')</source>
            <translation>第%1列（“%2”）</translation>
        </message>
        <message>
            <source>no such field in a %1 file (its fields are: %2)</source>
            <translation>%1 文件中没有该字段（其字段为：%2）</translation>
        </message>
        <message>
            <source>mapped to column %1, but the file has %2 columns</source>
            <translation>对应到第%1列，但文件只有%2列</translation>
        </message>
        <message>
            <source>the column is mapped twice: to %1 and to %2 (map each column to one field)</source>
            <translation>该列被对应了两次：%1 和 %2（每列只能对应一个字段）</translation>
        </message>
        <message>
            <source>unknown column in a %1 file (its columns are: %2)</source>
            <translation>%1 文件中的未知列（其列为：%2）</translation>
        </message>
        <message>
            <source>the column appears twice in the header</source>
            <translation>该列在标题行中出现了两次</translation>
        </message>
        <message>
            <source>required column missing from the header of this %1 file</source>
            <translation>此 %1 文件的标题行缺少必需的列</translation>
        </message>
        <message>
            <source>required field of a %1 file is not mapped to a column</source>
            <translation>%1 文件的必填字段未对应到任何列</translation>
        </message>
        <message>
            <source>cannot prepare the import: %1</source>
            <translation>无法准备导入：%1</translation>
        </message>
        <message>
            <source>the database refused the row: %1</source>
            <translation>数据库拒绝了该行：%1</translation>
        </message>
        <message>
            <source>the database cannot take a value of this row: %1</source>
            <translation>数据库无法接受该行中的某个值：%1</translation>
        </message>
        <message>
            <source>the database cannot take a value: %1</source>
            <translation>数据库无法接受某个值：%1</translation>
        </message>
        <message>
            <source>%1; nothing was changed</source>
            <translation>%1；未做任何更改</translation>
        </message>
        <message>
            <source>the database ended the import: %1; nothing was changed</source>
            <translation>数据库中止了导入：%1；未做任何更改</translation>
        </message>
        <message>
            <source>unknown country '%1' (use its English short name, e.g. China, United States)</source>
            <translation>未知国家“%1”（请使用其英文简称，如 China、United States）</translation>
        </message>
        <message>
            <source>province '%1' is not in %2</source>
            <translation>省份“%1”不属于 %2</translation>
        </message>
        <message>
            <source>unknown province '%1' (a province-level division of China in English, e.g. Guangdong)</source>
            <translation>未知省份“%1”（应为中国省级行政区的英文名称，如 Guangdong）</translation>
        </message>
        <message>
            <source>city '%1' needs a province or a country</source>
            <translation>城市“%1”需要指定省份或国家</translation>
        </message>
        <message>
            <source>unknown currency '%1' (an ISO 4217 code such as CNY, USD, HKD)</source>
            <translation>未知币种“%1”（应为 ISO 4217 代码，如 CNY、USD、HKD）</translation>
        </message>
        <message>
            <source>amount '%1' is zero (leave it empty when it is undisclosed)</source>
            <translation>金额“%1”为零（未披露时请留空）</translation>
        </message>
        <message>
            <source>the amount %1 has no currency</source>
            <translation>金额 %1 没有币种</translation>
        </message>
        <message>
            <source>the fund has no name</source>
            <translation>基金没有名称</translation>
        </message>
        <message>
            <source>duplicate fund '%1' (already on %2)</source>
            <translation>重复的基金“%1”（已在%2出现）</translation>
        </message>
        <message>
            <source>fund '%1' is already in the database</source>
            <translation>基金“%1”已在数据库中</translation>
        </message>
        <message>
            <source>unknown fund kind '%1' (expected one of: %2)</source>
            <translation>未知的基金类别“%1”（应为以下之一：%2）</translation>
        </message>
        <message>
            <source>unknown level '%1' (expected one of: %2)</source>
            <translation>未知级别“%1”（应为以下之一：%2）</translation>
        </message>
        <message>
            <source>%1; the fund was imported without a parent fund</source>
            <translation>%1；该基金已导入，但没有母基金</translation>
        </message>
        <message>
            <source>unknown parent fund '%1'</source>
            <translation>未知母基金“%1”</translation>
        </message>
        <message>
            <source>a fund cannot be its own parent fund</source>
            <translation>基金不能是自己的母基金</translation>
        </message>
        <message>
            <source>the database refused the parent fund: %1</source>
            <translation>数据库拒绝了母基金：%1</translation>
        </message>
        <message>
            <source>parent funds form a cycle: %1</source>
            <translation>母基金形成了循环：%1</translation>
        </message>
        <message>
            <source>the phase has no fund</source>
            <translation>期次没有所属基金</translation>
        </message>
        <message>
            <source>unknown fund '%1'</source>
            <translation>未知基金“%1”</translation>
        </message>
        <message>
            <source>the phase has no label</source>
            <translation>期次没有名称</translation>
        </message>
        <message>
            <source>duplicate phase '%1' of '%2' (already on %3)</source>
            <translation>重复的期次：“%2”的“%1”（已在%3出现）</translation>
        </message>
        <message>
            <source>phase '%1' of '%2' is already in the database</source>
            <translation>“%2”的期次“%1”已在数据库中</translation>
        </message>
        <message>
            <source>the investee has no name</source>
            <translation>被投企业没有名称</translation>
        </message>
        <message>
            <source>duplicate investee '%1' (already on %2)</source>
            <translation>重复的被投企业“%1”（已在%2出现）</translation>
        </message>
        <message>
            <source>investee '%1' is already in the database</source>
            <translation>被投企业“%1”已在数据库中</translation>
        </message>
        <message>
            <source>unknown investee kind '%1' (expected one of: %2)</source>
            <translation>未知的被投企业类别“%1”（应为以下之一：%2）</translation>
        </message>
        <message>
            <source>unknown sector '%1' (known: %2)</source>
            <translation>未知行业“%1”（已知：%2）</translation>
        </message>
        <message>
            <source>segment '%1' needs a sector</source>
            <translation>细分领域“%1”需要指定行业</translation>
        </message>
        <message>
            <source>no fund given</source>
            <translation>未指定基金</translation>
        </message>
        <message>
            <source>no phase given (use 'Unattributed' when the source does not say)</source>
            <translation>未指定期次（来源未说明时请使用“Unattributed”）</translation>
        </message>
        <message>
            <source>unknown phase '%1' of fund '%2'</source>
            <translation>基金“%2”没有期次“%1”</translation>
        </message>
        <message>
            <source>no investee given</source>
            <translation>未指定被投企业</translation>
        </message>
        <message>
            <source>unknown investee '%1'</source>
            <translation>未知被投企业“%1”</translation>
        </message>
        <message>
            <source>unknown type '%1' (expected one of: %2)</source>
            <translation>未知类型“%1”（应为以下之一：%2）</translation>
        </message>
        <message>
            <source>stake '%1' is not a number (a percentage such as 15.9)</source>
            <translation>持股比例“%1”不是数字（应为百分比，如 15.9）</translation>
        </message>
        <message>
            <source>negative stake '%1'</source>
            <translation>持股比例“%1”为负数</translation>
        </message>
        <message>
            <source>stake '%1' is over 100 %</source>
            <translation>持股比例“%1”超过100%</translation>
        </message>
        <message>
            <source>unknown status '%1' (expected one of: %2)</source>
            <translation>未知状态“%1”（应为以下之一：%2）</translation>
        </message>
        <message>
            <source>unknown confidence '%1' (expected one of: %2)</source>
            <translation>未知可信度“%1”（应为以下之一：%2）</translation>
        </message>
        <message>
            <source>duplicate row: same fund, phase, investee, date, type, amount and currency as %1</source>
            <translation>重复行：基金、期次、被投企业、日期、类型、金额和币种均与%1相同</translation>
        </message>
        <message>
            <source>duplicate row: the database already has an event with the same fund, phase, investee, date, type, amount and currency</source>
            <translation>重复行：数据库中已有基金、期次、被投企业、日期、类型、金额和币种均相同的出资记录</translation>
        </message>
        <message>
            <source>no currency given</source>
            <translation>未指定币种</translation>
        </message>
        <message>
            <source>unknown currency '%1' (an ISO 4217 code such as USD, HKD)</source>
            <translation>未知币种“%1”（应为 ISO 4217 代码，如 USD、HKD）</translation>
        </message>
        <message>
            <source>'%1' is not a year between 1900 and 2200</source>
            <translation>“%1”不是1900至2200之间的年份</translation>
        </message>
        <message>
            <source>rate '%1' is not a number (CNY per unit, e.g. 7.1217)</source>
            <translation>汇率“%1”不是数字（每单位折合 CNY，如 7.1217）</translation>
        </message>
        <message>
            <source>rate '%1' must be greater than zero</source>
            <translation>汇率“%1”必须大于零</translation>
        </message>
        <message>
            <source>duplicate rate for %1 %2 (already on %3)</source>
            <translation>%1 %2 的汇率重复（已在%3出现）</translation>
        </message>
        <message>
            <source>the database already has a rate for %1 %2</source>
            <translation>数据库中已有 %1 %2 的汇率</translation>
        </message>
        <message>
            <source>the field is %1 bytes long; SQLite holds at most %2 bytes in one value</source>
            <translation>该字段长%1字节；SQLite 单个值最多容纳%2字节</translation>
        </message>
        <message>
            <source>wrong number of columns: the row has %1, the header has %2 (a comma too few, or an unquoted line break?)</source>
            <translation>列数不对：该行有%1列，标题行有%2列（少了一个逗号，或有未加引号的换行？）</translation>
        </message>
        <message>
            <source>wrong number of columns: the row has %1, the header has %2 (an unquoted comma?)</source>
            <translation>列数不对：该行有%1列，标题行有%2列（有未加引号的逗号？）</translation>
        </message>
        <message>
            <source>the database is not open</source>
            <translation>数据库未打开</translation>
        </message>
        <message>
            <source>no files to load</source>
            <translation>没有要载入的文件</translation>
        </message>
        <message>
            <source>the import was cancelled; nothing was changed</source>
            <translation>导入已取消；未做任何更改</translation>
        </message>
        <message>
            <source>saving the import failed: %1</source>
            <translation>保存导入失败：%1</translation>
        </message>
    </context>
    <context>
        <name>InvesteeForm</name>
        <message>
            <source>Add investee</source>
            <translation>添加被投企业</translation>
        </message>
        <message>
            <source>Edit investee</source>
            <translation>编辑被投企业</translation>
        </message>
        <message>
            <source>English name, as in the sources</source>
            <translation>英文名称，与来源一致</translation>
        </message>
        <message>
            <source>for a sub-fund: the fund record it is</source>
            <translation>子基金：对应的基金记录</translation>
        </message>
        <message>
            <source>— none —</source>
            <translation>— 无 —</translation>
        </message>
        <message>
            <source>688981.SH, 0981.HK …</source>
            <translation>688981.SH、0981.HK…</translation>
        </message>
        <message>
            <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
            <translation>YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
        </message>
        <message>
            <source>https://… (several: separate with “ | ”)</source>
            <translation>https://…（多个地址以“ | ”分隔）</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>名称(&amp;N)</translation>
        </message>
        <message>
            <source>Chinese na&amp;me</source>
            <translation>中文名称(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>类别(&amp;K)</translation>
        </message>
        <message>
            <source>Look-through f&amp;und</source>
            <translation>穿透基金(&amp;U)</translation>
        </message>
        <message>
            <source>Sec&amp;tor</source>
            <translation>行业(&amp;T)</translation>
        </message>
        <message>
            <source>Se&amp;gment</source>
            <translation>细分领域(&amp;G)</translation>
        </message>
        <message>
            <source>T&amp;icker</source>
            <translation>股票代码(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Founded</source>
            <translation>成立时间(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Source</source>
            <translation>来源(&amp;S)</translation>
        </message>
        <message>
            <source>N&amp;otes</source>
            <translation>备注(&amp;O)</translation>
        </message>
        <message>
            <source>Chinese name</source>
            <translation>中文名称</translation>
        </message>
    </context>
    <context>
        <name>InvesteeTableModel</name>
        <message>
            <source>(sub-fund)</source>
            <translation>（子基金）</translation>
        </message>
        <message>
            <source>Investee</source>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>中文名</source>
            <translation>中文名</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>细分领域</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Latest stake</source>
            <translation>最新持股比例</translation>
        </message>
        <message>
            <source>First</source>
            <translation>首笔日期</translation>
        </message>
        <message>
            <source>Last</source>
            <translation>末笔日期</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>笔数</translation>
        </message>
        <message>
            <source>Funds</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>Undisclosed</source>
            <translation>未披露</translation>
        </message>
        <message>
            <source>Ticker</source>
            <translation>股票代码</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>%1: %2 %3</source>
            <comment>measure: currency amount</comment>
            <translation>%1：%2 %3</translation>
        </message>
        <message>
            <source>%1 undisclosed, %2 without a %3 rate (not in the totals)</source>
            <translation>%1笔未披露，%2笔缺少 %3 汇率（未计入合计）</translation>
        </message>
        <message>
            <source>A sub-fund: select it to look through to its own holdings</source>
            <translation>子基金：选中后可穿透查看其自身持仓</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>来源：%1</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>The Chinese catalogue could not be loaded; the interface stays in English.</source>
            <translation>无法加载中文翻译，界面保持英文。</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>Follow the &amp;system</source>
            <translation>跟随系统(&amp;S)</translation>
        </message>
    </context>
    <context>
        <name>MainMenus</name>
        <message>
            <source>New database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <source>Fundscope databases (*.db *.sqlite)</source>
            <translation>Fundscope 数据库 (*.db *.sqlite)</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <source>Fundscope databases (*.db *.sqlite);;All files (*)</source>
            <translation>Fundscope 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
        </message>
        <message>
            <source>About Fundscope</source>
            <translation>关于 Fundscope</translation>
        </message>
        <message>
            <source>&lt;b&gt;Fundscope %1&lt;/b&gt;&lt;p&gt;State-led technology investment: funds, phases, the companies they fund and every commitment and disbursement, with sources.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Fundscope %1&lt;/b&gt;&lt;p&gt;国家主导的科技投资：基金、期次、其投资的企业，以及每一笔承诺出资和实缴出资，均附来源。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New database…</source>
            <translation>新建数据库(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Open database…</source>
            <translation>打开数据库(&amp;O)…</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>查找(&amp;F)…</translation>
        </message>
        <message>
            <source>C&amp;lear filter</source>
            <translation>清除筛选(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About Fundscope</source>
            <translation>关于 Fundscope(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Dash&amp;board</source>
            <translation>概览(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Holdings</source>
            <translation>持仓(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Disbursements</source>
            <translation>出资(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Investees</source>
            <translation>被投企业(&amp;I)</translation>
        </message>
        <message>
            <source>F&amp;unds</source>
            <translation>基金(&amp;U)</translation>
        </message>
        <message>
            <source>%1 — Fundscope</source>
            <translation>%1 — Fundscope</translation>
        </message>
        <message>
            <source>Cannot open database</source>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <source>Hi&amp;story</source>
            <translation>历史记录(&amp;S)</translation>
        </message>
        <message>
            <source>The daily backup failed: %1</source>
            <translation>每日备份失败：%1</translation>
        </message>
    </context>
    <context>
        <name>MainWindowLauncher</name>
        <message>
            <source>%1

It was not opened and nothing in it was changed. 'fundscope check --db FILE' lists what is damaged.</source>
            <translation>%1

数据库未打开，其中内容未作任何更改。运行“fundscope check --db FILE”可列出损坏之处。</translation>
        </message>
        <message>
            <source>print totals grouped by sector, segment, region, phase, fund or year</source>
            <translation>按行业、细分领域、地区、期次、基金或年份输出合计</translation>
        </message>
        <message>
            <source>create a new database (--sample adds the sourced sample rows)</source>
            <translation>创建新数据库（--sample 加入附来源的示例数据）</translation>
        </message>
        <message>
            <source>load interchange CSV files, all or nothing</source>
            <translation>载入交换格式 CSV 文件，要么全部导入，要么都不导入</translation>
        </message>
        <message>
            <source>write a dashboard chart as PNG, SVG or PDF with title, filter and sources</source>
            <translation>将概览图表写为 PNG、SVG 或 PDF，附标题、筛选条件和来源</translation>
        </message>
        <message>
            <source>write a table's rows under the filter as CSV or XLSX</source>
            <translation>将当前筛选条件下的表格行写为 CSV 或 XLSX</translation>
        </message>
        <message>
            <source>write the dashboard report as a multi-page PDF</source>
            <translation>将概览报告写为多页 PDF</translation>
        </message>
        <message>
            <source>check a database file for damage and broken references</source>
            <translation>检查数据库文件有无损坏和失效引用</translation>
        </message>
        <message>
            <source>copy a database consistently, also while it is open</source>
            <translation>一致地复制数据库，即使它正被打开</translation>
        </message>
        <message>
            <source>Fundscope: state-led technology investment, by fund, sector, region and phase.

Commands (run 'fundscope COMMAND --help' for their options):
%1</source>
            <translation>Fundscope：国家主导的科技投资，按基金、行业、地区和期次分析。

命令（运行“fundscope COMMAND --help”查看其选项）：
%1</translation>
        </message>
        <message>
            <source>unknown command '%1' (try --help)</source>
            <translation>未知命令“%1”（请尝试 --help）</translation>
        </message>
    </context>
    <context>
        <name>Maintenance</name>
        <message>
            <source>%1 does not exist</source>
            <translation>%1 不存在</translation>
        </message>
        <message>
            <source>%1 is a folder, not a database file</source>
            <translation>%1 是文件夹，不是数据库文件</translation>
        </message>
        <message>
            <source>%1 is not an SQLite database (it has no SQLite header)</source>
            <translation>%1 不是 SQLite 数据库（没有 SQLite 文件头）</translation>
        </message>
        <message>
            <source>file: %1 bytes in pages of %2, schema version %3</source>
            <translation>文件：%1字节，页大小%2，表结构版本%3</translation>
        </message>
        <message>
            <source>file: %1 bytes in pages of %2, schema version %3 (not marked as a Fundscope database)</source>
            <translation>文件：%1字节，页大小%2，表结构版本%3（未标记为 Fundscope 数据库）</translation>
        </message>
        <message>
            <source>integrity: ok</source>
            <translation>完整性：正常</translation>
        </message>
        <message>
            <source>integrity: 1 problem</source>
            <translation>完整性：1个问题</translation>
        </message>
        <message>
            <source>integrity: %1 problems</source>
            <translation>完整性：%1个问题</translation>
        </message>
        <message>
            <source>foreign keys: ok</source>
            <translation>外键：正常</translation>
        </message>
        <message>
            <source>foreign keys: 1 row points at rows that do not exist</source>
            <translation>外键：1行指向不存在的行</translation>
        </message>
        <message>
            <source>foreign keys: %1 rows point at rows that do not exist</source>
            <translation>外键：%1行指向不存在的行</translation>
        </message>
        <message>
            <source>%1: its rows refer to rows that do not exist</source>
            <translation>%1：其中的行引用了不存在的行</translation>
        </message>
        <message>
            <source>%1: no damage and no broken references found</source>
            <translation>%1：未发现损坏或失效引用</translation>
        </message>
        <message>
            <source>the check stopped here: %1</source>
            <translation>检查在此中止：%1</translation>
        </message>
        <message>
            <source>a reference</source>
            <translation>一个引用</translation>
        </message>
        <message>
            <source>%1 row %2: %3 points at no row of %4</source>
            <translation>%1 第%2行：%3 未指向 %4 中的任何行</translation>
        </message>
        <message>
            <source>cannot write %1: %2; choose another file</source>
            <translation>无法写入 %1：%2；请选择其他文件</translation>
        </message>
        <message>
            <source>cannot write %1: it is a folder</source>
            <translation>无法写入 %1：它是文件夹</translation>
        </message>
        <message>
            <source>cannot write %1: the folder %2 does not exist</source>
            <translation>无法写入 %1：文件夹 %2 不存在</translation>
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>%1; no copy was made</source>
            <translation>%1；未进行复制</translation>
        </message>
        <message>
            <source>%1: the copy to %2 failed: %3</source>
            <translation>%1：复制到 %2 失败：%3</translation>
        </message>
        <message>
            <source>its copy fails the check: %1; no copy was made</source>
            <translation>其副本未通过检查：%1；未进行复制</translation>
        </message>
        <message>
            <source>cannot write %1: the finished copy could not be moved into place</source>
            <translation>无法写入 %1：无法将完成的副本移到目标位置</translation>
        </message>
        <message>
            <source>%1: the copy to %2 could not be checked: disk I/O error (%3)</source>
            <translation>%1：无法检查到 %2 的副本：磁盘 I/O 错误（%3）</translation>
        </message>
    </context>
    <context>
        <name>NameCatalog</name>
        <message>
            <source>Text: “%1”</source>
            <translation>文本：“%1”</translation>
        </message>
        <message>
            <source>Fund: %1</source>
            <translation>基金：%1</translation>
        </message>
        <message>
            <source>Phase: %1</source>
            <translation>期次：%1</translation>
        </message>
        <message>
            <source>Investee: %1</source>
            <translation>被投企业：%1</translation>
        </message>
        <message>
            <source>Sector: %1</source>
            <translation>行业：%1</translation>
        </message>
        <message>
            <source>Segment: %1</source>
            <translation>细分领域：%1</translation>
        </message>
        <message>
            <source>Region: %1</source>
            <translation>地区：%1</translation>
        </message>
        <message>
            <source>Date: %1 – %2</source>
            <translation>日期：%1 – %2</translation>
        </message>
        <message>
            <source>Type: %1</source>
            <translation>类型：%1</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>状态：%1</translation>
        </message>
        <message>
            <source>Confidence: %1</source>
            <translation>可信度：%1</translation>
        </message>
        <message>
            <source>All data (cancelled events left out)</source>
            <translation>全部数据（不含已取消的出资）</translation>
        </message>
        <message>
            <source>%1 · amounts in %2</source>
            <comment>the filter in words · the base currency</comment>
            <translation>%1 · 金额以 %2 计</translation>
        </message>
    </context>
    <context>
        <name>NavigatorPanel</name>
        <message>
            <source>All funds</source>
            <translation>所有基金</translation>
        </message>
        <message>
            <source>Show every fund's data</source>
            <translation>显示所有基金的数据</translation>
        </message>
        <message>
            <source>Funds and phases</source>
            <translation>基金和期次</translation>
        </message>
        <message>
            <source>Find a fund (English or Chinese name)</source>
            <translation>查找基金（英文或中文名称）</translation>
        </message>
    </context>
    <context>
        <name>PhaseForm</name>
        <message>
            <source>Add phase</source>
            <translation>添加期次</translation>
        </message>
        <message>
            <source>Edit phase</source>
            <translation>编辑期次</translation>
        </message>
        <message>
            <source>Phase I, Phase II, …</source>
            <translation>如 Phase I、Phase II…</translation>
        </message>
        <message>
            <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
            <translation>YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
        </message>
        <message>
            <source>not known</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>registered, paid-in, target …</source>
            <translation>注册资本、实缴、目标规模…</translation>
        </message>
        <message>
            <source>https://… (several: separate with “ | ”)</source>
            <translation>https://…（多个地址以“ | ”分隔）</translation>
        </message>
        <message>
            <source>&amp;Fund</source>
            <translation>基金(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Label</source>
            <translation>名称(&amp;L)</translation>
        </message>
        <message>
            <source>S&amp;tart</source>
            <translation>起始日期(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Capital</source>
            <translation>规模(&amp;C)</translation>
        </message>
        <message>
            <source>Capital &amp;basis</source>
            <translation>规模口径(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Source</source>
            <translation>来源(&amp;S)</translation>
        </message>
        <message>
            <source>type a fund's name (English or Chinese)</source>
            <translation>输入基金名称（英文或中文）</translation>
        </message>
    </context>
    <context>
        <name>RawQuery</name>
        <message>
            <source>%1: the database is not open</source>
            <translation>%1：数据库未打开</translation>
        </message>
    </context>
    <context>
        <name>RecordForm</name>
        <message>
            <source>&amp;Add</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Still needed: %1</source>
            <translation>尚需填写：%1</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>未保存：%1</translation>
        </message>
        <message>
            <source>— unknown —</source>
            <translation>— 未知 —</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>省份</translation>
        </message>
        <message>
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <comment>one sentence, then the next</comment>
            <translation>%1%2</translation>
        </message>
    </context>
    <context>
        <name>RecordPicker</name>
        <message>
            <source>No fund is called “%1”.</source>
            <translation>没有名为“%1”的基金。</translation>
        </message>
        <message>
            <source>No investee is called “%1”.</source>
            <translation>没有名为“%1”的被投企业。</translation>
        </message>
        <message numerus="yes">
            <source>“%1” matches %n fund(s); choose one from the list.</source>
            <translation>
                <numerusform>“%1”匹配到%n只基金，请从列表中选择一项。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>“%1” matches %n investee(s); choose one from the list.</source>
            <translation>
                <numerusform>“%1”匹配到%n家被投企业，请从列表中选择一项。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecordStore</name>
        <message>
            <source>%1: %2</source>
            <comment>a field's label: what is wrong with it</comment>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>'%1' is not a column of %2.</source>
            <translation>“%1”不是 %2 的列。</translation>
        </message>
        <message>
            <source>Choose a country from the list.</source>
            <translation>请从列表中选择国家。</translation>
        </message>
        <message>
            <source>Choose a province from the list.</source>
            <translation>请从列表中选择省份。</translation>
        </message>
        <message>
            <source>Choose a city from the list.</source>
            <translation>请从列表中选择城市。</translation>
        </message>
        <message>
            <source>The province is not in the chosen country.</source>
            <translation>该省份不属于所选国家。</translation>
        </message>
        <message>
            <source>The city is not in the chosen province.</source>
            <translation>该城市不属于所选省份。</translation>
        </message>
        <message>
            <source>Another fund is already called '%1'.</source>
            <translation>已有另一只基金名为“%1”。</translation>
        </message>
        <message>
            <source>Choose the parent fund from the list.</source>
            <translation>请从列表中选择母基金。</translation>
        </message>
        <message>
            <source>That fund is already below this one; a fund cannot be its own ancestor.</source>
            <translation>该基金已是此基金的下级基金；基金不能成为自己的上级。</translation>
        </message>
        <message>
            <source>Choose the fund from the list.</source>
            <translation>请从列表中选择基金。</translation>
        </message>
        <message>
            <source>This fund already has a phase '%1'.</source>
            <translation>该基金已有期次“%1”。</translation>
        </message>
        <message>
            <source>Choose a currency from the list.</source>
            <translation>请从列表中选择币种。</translation>
        </message>
        <message>
            <source>Another investee is already called '%1'.</source>
            <translation>已有另一家被投企业名为“%1”。</translation>
        </message>
        <message>
            <source>Choose the look-through fund from the list.</source>
            <translation>请从列表中选择穿透基金。</translation>
        </message>
        <message>
            <source>Choose a sector from the list.</source>
            <translation>请从列表中选择行业。</translation>
        </message>
        <message>
            <source>Choose a segment of the chosen sector.</source>
            <translation>请选择所选行业下的细分领域。</translation>
        </message>
        <message>
            <source>Choose the phase from the list.</source>
            <translation>请从列表中选择期次。</translation>
        </message>
        <message>
            <source>Choose the investee from the list, or create it.</source>
            <translation>请从列表中选择被投企业，或新建。</translation>
        </message>
        <message>
            <source>The %1 #%2 no longer exists.</source>
            <translation>%1 #%2 已不存在。</translation>
        </message>
        <message>
            <source>date unknown</source>
            <translation>日期未知</translation>
        </message>
        <message>
            <source> from </source>
            <comment>a disbursement from a fund</comment>
            <translation> 来自 </translation>
        </message>
        <message>
            <source> (parent unlinked)</source>
            <translation>（解除母基金关联）</translation>
        </message>
        <message>
            <source> (look-through unlinked)</source>
            <translation>（解除穿透关联）</translation>
        </message>
        <message>
            <source>%1 depend on it</source>
            <translation>依赖它的有%1</translation>
        </message>
        <message>
            <source>The %1 #%2 was not deleted: %3.</source>
            <translation>%1 #%2 未删除：%3。</translation>
        </message>
    </context>
    <context>
        <name>ReportWriter</name>
        <message>
            <source>Page %1</source>
            <translation>第%1页</translation>
        </message>
        <message>
            <source>Fundscope report</source>
            <translation>Fundscope 报告</translation>
        </message>
        <message>
            <source>State-led technology investment: funds, phases, the companies they fund, and every commitment and disbursement with its sources.</source>
            <translation>国家主导的科技投资：基金、期次、其投资的企业，以及每一笔承诺出资和实缴出资及其来源。</translation>
        </message>
        <message>
            <source>Filter: %1</source>
            <translation>筛选条件：%1</translation>
        </message>
        <message>
            <source>Database: %1 · exported %2 by Fundscope %3</source>
            <translation>数据库：%1 · 由 Fundscope %3 于%2导出</translation>
        </message>
        <message>
            <source>Counted by fund and phase; left out of sector, region and year: the sub-funds' own investments reach the companies</source>
            <translation>计入基金和期次；不计入行业、地区和年份：子基金自身的投资会流向企业</translation>
        </message>
        <message>
            <source>Funds / phases</source>
            <translation>基金 / 期次</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <comment>funds / phases</comment>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>With at least one event in view</source>
            <translation>当前视图中至少有一笔出资</translation>
        </message>
        <message>
            <source>Investees</source>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>%1 companies / %2 sub-funds</source>
            <translation>%1家企业 / %2只子基金</translation>
        </message>
        <message>
            <source>That received money or a commitment</source>
            <translation>获得资金或承诺出资的</translation>
        </message>
        <message>
            <source>Events in view</source>
            <translation>当前笔数</translation>
        </message>
        <message>
            <source>Every money event, sub-fund flows included</source>
            <translation>所有出资，含投向子基金的出资</translation>
        </message>
        <message>
            <source>Undisclosed amounts</source>
            <translation>未披露金额</translation>
        </message>
        <message>
            <source>Counted apart, never as zero</source>
            <translation>单独计数，不计为零</translation>
        </message>
        <message>
            <source>Without an exchange rate</source>
            <translation>缺少汇率</translation>
        </message>
        <message>
            <source>Missing: %1</source>
            <translation>缺少：%1</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Distinct addresses, listed in the appendix</source>
            <translation>不同的来源地址，列于附录</translation>
        </message>
        <message>
            <source>Key figures</source>
            <translation>关键数据</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>What it counts</source>
            <translation>统计内容</translation>
        </message>
        <message>
            <source>Exchange rates used (CNY per unit, yearly): %1.</source>
            <translation>所用汇率（每单位折合 CNY，按年）：%1。</translation>
        </message>
        <message>
            <source>Contents: charts by sector, region, funding phase, year and top investees (pages 2–6); top investees; holdings under the filter; sources.</source>
            <translation>目录：按行业、地区、基金期次、年份的图表及被投企业排名图表（第2–6页）；被投企业排名；当前筛选条件下的持仓；来源。</translation>
        </message>
        <message>
            <source>Top investees</source>
            <translation>被投企业排名</translation>
        </message>
        <message>
            <source>Companies by money invested under the filter, in %1 millions; share of all money invested in companies.</source>
            <translation>当前筛选条件下按投资额排列的企业，单位：百万 %1；占比为占投向企业投资总额的比例。</translation>
        </message>
        <message>
            <source>Investee</source>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>English name</source>
            <translation>英文名称</translation>
        </message>
        <message>
            <source>Chinese name</source>
            <translation>中文名称</translation>
        </message>
        <message>
            <source>Sector / segment</source>
            <translation>行业 / 细分领域</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Invested, m</source>
            <comment>millions</comment>
            <translation>投资额（百万）</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>占比</translation>
        </message>
        <message>
            <source>Committed, m</source>
            <comment>millions</comment>
            <translation>承诺出资额（百万）</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>笔数</translation>
        </message>
        <message>
            <source>Holdings under the filter</source>
            <translation>当前筛选条件下的持仓</translation>
        </message>
        <message>
            <source>Every investee that received money under the filter (sub-funds included), with what it received in %1 millions; stake = the latest reported stake.</source>
            <translation>当前筛选条件下获得资金的所有被投企业（含子基金）及其获得的金额（单位：百万 %1）；持股比例为最新报告的持股比例。</translation>
        </message>
        <message>
            <source>The first %1 of %2 are listed; `fundscope export-table --table holdings` writes them all.</source>
            <translation>仅列出%2家中的前%1家；`fundscope export-table --table holdings` 可导出全部。</translation>
        </message>
        <message>
            <source>Sub-fund</source>
            <translation>子基金</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Stake</source>
            <translation>持股比例</translation>
        </message>
        <message>
            <source>First</source>
            <comment>the first event's date</comment>
            <translation>首笔日期</translation>
        </message>
        <message>
            <source>Last</source>
            <comment>the last event's date</comment>
            <translation>末笔日期</translation>
        </message>
        <message>
            <source>Funds</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>Every address cited by the %1 events behind the numbers in this report (%2 distinct).</source>
            <translation>本报告数据所依据的%1笔出资引用的所有地址（共%2个不同地址）。</translation>
        </message>
        <message>
            <source>The first %1 are listed; `fundscope export-table --table disbursements` writes every event with its sources.</source>
            <translation>仅列出前%1个；`fundscope export-table --table disbursements` 可导出每笔出资及其来源。</translation>
        </message>
        <message>
            <source>the report could not be drawn</source>
            <translation>无法生成报告</translation>
        </message>
    </context>
    <context>
        <name>RestoreOffer</name>
        <message>
            <source>Damaged database</source>
            <translation>数据库已损坏</translation>
        </message>
        <message>
            <source>A backup of this file made on %1 passes the check. Restore it? The damaged file is kept beside it, renamed; changes made after the backup are not in it.</source>
            <translation>此文件于 %1 所做的备份通过了检查。是否恢复？损坏的文件将改名后保留在原处；备份之后所做的更改不在备份中。</translation>
        </message>
        <message>
            <source>Restore the backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>The backup could not be restored: %1</source>
            <translation>无法恢复备份：%1</translation>
        </message>
        <message>
            <source>The backup was restored. The damaged file is kept as %1.</source>
            <translation>备份已恢复。损坏的文件保留为 %1。</translation>
        </message>
    </context>
    <context>
        <name>RollingBackups</name>
        <message>
            <source>cannot create the backup folder %1</source>
            <translation>无法创建备份文件夹 %1</translation>
        </message>
        <message>
            <source>cannot copy %1 to %2</source>
            <translation>无法将 %1 复制到 %2</translation>
        </message>
        <message>
            <source>cannot move the damaged file %1 aside</source>
            <translation>无法将损坏的文件 %1 移到一旁</translation>
        </message>
        <message>
            <source>cannot put the backup in place of %1</source>
            <translation>无法用备份替换 %1</translation>
        </message>
    </context>
    <context>
        <name>SampleDatabase</name>
        <message>
            <source>the embedded sample did not load:
%1</source>
            <translation>内置示例数据未能载入：
%1</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <extracomment>%2 is the kind of rows as the interchange format names it: funds, phases, …</extracomment>
            <translation>%2 %1</translation>
        </message>
        <message>
            <source>%1: cannot create the folder %2</source>
            <translation>%1：无法创建文件夹 %2</translation>
        </message>
        <message>
            <source>%1 could not be created: %2</source>
            <translation>无法创建 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>TableExporter</name>
        <message>
            <source>the finished file could not be moved into place</source>
            <translation>无法将完成的文件移到目标位置</translation>
        </message>
        <message>
            <source>cannot add the sheet '%1'</source>
            <translation>无法添加工作表“%1”</translation>
        </message>
        <message>
            <source>the workbook could not be created</source>
            <translation>无法创建工作簿</translation>
        </message>
        <message>
            <source>the export was cancelled</source>
            <translation>导出已取消</translation>
        </message>
        <message>
            <source>the holdings table needs the totals by investee</source>
            <translation>持仓表需要按被投企业计算的合计</translation>
        </message>
    </context>
    <context>
        <name>TableSupport</name>
        <message>
            <source>&amp;Copy rows</source>
            <translation>复制行(&amp;C)</translation>
        </message>
        <message>
            <source>Select &amp;all rows</source>
            <translation>选择所有行(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>TextEncoding</name>
        <message>
            <source>the rest of the file reads as UTF-8, so it may be damaged UTF-8</source>
            <translation>文件其余部分可按 UTF-8 读取，因此可能是损坏的 UTF-8</translation>
        </message>
        <message>
            <source>the file has too few bytes outside ASCII to tell a code page from damaged UTF-8</source>
            <translation>文件中 ASCII 以外的字节太少，无法区分代码页和损坏的 UTF-8</translation>
        </message>
        <message>
            <source>column %1: byte 0x%2 is not UTF-8, and %3 is only a guess: %4; name the file's encoding (--encoding, or the import wizard's encoding)</source>
            <translation>第%1列：字节 0x%2 不是 UTF-8，%3 只是猜测：%4；请指定文件的编码（--encoding，或导入向导中的编码）</translation>
        </message>
        <message>
            <source>%1: cannot be opened: %2</source>
            <translation>%1：无法打开：%2</translation>
        </message>
        <message>
            <source>cannot be opened: %1</source>
            <translation>无法打开：%1</translation>
        </message>
    </context>
    <context>
        <name>TranscodingDevice</name>
        <message>
            <source>the source cannot be read</source>
            <translation>无法读取源</translation>
        </message>
        <message>
            <source>unknown text encoding '%1'</source>
            <translation>未知文本编码“%1”</translation>
        </message>
    </context>
    <context>
        <name>Units</name>
        <message>
            <source>Full amounts</source>
            <translation>完整金额</translation>
        </message>
        <message>
            <source>Millions</source>
            <translation>百万 (m)</translation>
        </message>
        <message>
            <source>Billions</source>
            <translation>十亿 (bn)</translation>
        </message>
        <message>
            <source>亿 (100 million)</source>
            <translation>亿</translation>
        </message>
        <message>
            <source>万 (10 thousand)</source>
            <translation>万</translation>
        </message>
    </context>
    <context>
        <name>UnitsMenu</name>
        <message>
            <source>&amp;Units</source>
            <translation>单位(&amp;U)</translation>
        </message>
    </context>
    <context>
        <name>UpgradeNotice</name>
        <message>
            <source>Upgrading %1 to this version of Fundscope (once; a large database takes some seconds)…</source>
            <translation>正在将 %1 升级到此版本的 Fundscope（仅此一次；大型数据库需要几秒钟）…</translation>
        </message>
        <message>
            <source>Upgrading the database</source>
            <translation>正在升级数据库</translation>
        </message>
        <message>
            <source>No backup could be made before the upgrade: %1</source>
            <translation>升级前未能创建备份：%1</translation>
        </message>
    </context>
    <context>
        <name>Validation</name>
        <message>
            <source>Enter the %1.</source>
            <translation>请输入%1。</translation>
        </message>
        <message>
            <source>The %1 is too long (%2 characters; at most 1000).</source>
            <translation>%1过长（%2个字符；最多1000个）。</translation>
        </message>
        <message>
            <source>The %1 has a NUL character at character %2 (\0 in "%3"), which text cannot hold.</source>
            <translation>%1的第%2个字符是 NUL 字符（“%3”中的 \0），文本中不能包含该字符。</translation>
        </message>
        <message>
            <source>'%1' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (for example 2021, 2021-05 or 2021-05-17).</source>
            <translation>“%1”不是日期：请写成 YYYY、YYYY-MM 或 YYYY-MM-DD（如 2021、2021-05 或 2021-05-17）。</translation>
        </message>
        <message>
            <source>'%1': the year %2 is out of range.</source>
            <translation>“%1”：年份%2超出范围。</translation>
        </message>
        <message>
            <source>'%1' is not a date: there is no month %2.</source>
            <translation>“%1”不是日期：没有%2月。</translation>
        </message>
        <message>
            <source>'%1' is not a date: %2 has %3 days.</source>
            <translation>“%1”不是日期：%2只有%3天。</translation>
        </message>
        <message>
            <source>MMMM yyyy</source>
            <comment>a month in a message: the QDate format of "May 2021"</comment>
            <translation>yyyy年M月</translation>
        </message>
        <message>
            <source>The stake is not a number.</source>
            <translation>持股比例不是数字。</translation>
        </message>
        <message>
            <source>A stake cannot be negative.</source>
            <translation>持股比例不能为负数。</translation>
        </message>
        <message>
            <source>A stake is a percentage from 0 to 100; %1 is more.</source>
            <translation>持股比例是0到100之间的百分比；%1超出范围。</translation>
        </message>
        <message>
            <source>'%1' is not a percentage: write a number such as 15.9.</source>
            <translation>“%1”不是百分比：请输入数字，如 15.9。</translation>
        </message>
        <message>
            <source>'%1' is not a web address: it must start with http:// or https://.</source>
            <translation>“%1”不是网址：必须以 http:// 或 https:// 开头。</translation>
        </message>
        <message>
            <source>'%1' is not a valid web address.</source>
            <translation>“%1”不是有效的网址。</translation>
        </message>
        <message>
            <source>Choose the %1: %2.</source>
            <translation>请选择%1：%2。</translation>
        </message>
        <message>
            <source>'%1' is not a %2; choose one of %3.</source>
            <translation>“%1”不是有效的%2；请从以下选择：%3。</translation>
        </message>
        <message>
            <source>A rate is the number of CNY one unit buys; it must be above zero.</source>
            <translation>汇率是每单位折合的 CNY 数，必须大于零。</translation>
        </message>
        <message>
            <source>%1 CNY per unit is implausibly high.</source>
            <translation>每单位折合 %1 CNY，高得不合理。</translation>
        </message>
        <message>
            <source>The year %1 is out of range (1900–2200).</source>
            <translation>年份%1超出范围（1900–2200）。</translation>
        </message>
        <message>
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Chinese name</source>
            <translation>中文名称</translation>
        </message>
        <message>
            <source>kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>level</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省份</translation>
        </message>
        <message>
            <source>city</source>
            <translation>城市</translation>
        </message>
        <message>
            <source>parent fund</source>
            <translation>母基金</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>管理人</translation>
        </message>
        <message>
            <source>notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>phase label</source>
            <translation>期次名称</translation>
        </message>
        <message>
            <source>start date</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <source>registered capital</source>
            <translation>注册资本</translation>
        </message>
        <message>
            <source>currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>capital basis</source>
            <translation>规模口径</translation>
        </message>
        <message>
            <source>sector</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>segment</source>
            <translation>细分领域</translation>
        </message>
        <message>
            <source>ticker</source>
            <translation>股票代码</translation>
        </message>
        <message>
            <source>founding date</source>
            <translation>成立时间</translation>
        </message>
        <message>
            <source>phase</source>
            <translation>期次</translation>
        </message>
        <message>
            <source>investee</source>
            <translation>被投企业</translation>
        </message>
        <message>
            <source>date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>stake</source>
            <translation>持股比例</translation>
        </message>
        <message>
            <source>status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>confidence</source>
            <translation>可信度</translation>
        </message>
        <message>
            <source>look-through fund</source>
            <translation>穿透基金</translation>
        </message>
        <message>
            <source>fund</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>disbursement</source>
            <translation>出资记录</translation>
        </message>
        <message>
            <source>The %1 must be above zero (leave it undisclosed when it is not known).</source>
            <translation>%1必须大于零（未知时请标记为未披露）。</translation>
        </message>
        <message>
            <source>Choose the currency of the %1.</source>
            <translation>请选择%1的币种。</translation>
        </message>
        <message>
            <source>Enter the %1, or mark it undisclosed.</source>
            <translation>请输入%1，或标记为未披露。</translation>
        </message>
        <message>
            <source>'%1' is not a currency code (three capital letters such as CNY).</source>
            <translation>“%1”不是币种代码（应为三个大写字母，如 CNY）。</translation>
        </message>
        <message>
            <source>fund's name</source>
            <translation>基金名称</translation>
        </message>
        <message>
            <source>A fund cannot be its own parent.</source>
            <translation>基金不能是自己的母基金。</translation>
        </message>
        <message>
            <source>Choose the fund this phase belongs to.</source>
            <translation>请选择该期次所属的基金。</translation>
        </message>
        <message>
            <source>phase's label</source>
            <translation>期次名称</translation>
        </message>
        <message>
            <source>investee's name</source>
            <translation>被投企业名称</translation>
        </message>
        <message>
            <source>Only a sub-fund (kind 'fund') looks through to a fund.</source>
            <translation>只有子基金（类别为“基金”）才能穿透至基金。</translation>
        </message>
        <message>
            <source>Choose the sector the segment belongs to.</source>
            <translation>请选择该细分领域所属的行业。</translation>
        </message>
        <message>
            <source>Choose the fund and the phase that paid.</source>
            <translation>请选择出资的基金和期次。</translation>
        </message>
        <message>
            <source>Choose the investee that received the money.</source>
            <translation>请选择收到资金的被投企业。</translation>
        </message>
    </context>
    <context>
        <name>Vocabulary</name>
        <message>
            <source>commitment</source>
            <translation>承诺出资</translation>
        </message>
        <message>
            <source>disbursement</source>
            <translation>实缴出资</translation>
        </message>
        <message>
            <source>equity purchase</source>
            <translation>股权收购</translation>
        </message>
        <message>
            <source>equity sale</source>
            <translation>股权转让</translation>
        </message>
        <message>
            <source>loan</source>
            <translation>贷款</translation>
        </message>
        <message>
            <source>grant</source>
            <translation>补助</translation>
        </message>
        <message>
            <source>announced</source>
            <translation>已公告</translation>
        </message>
        <message>
            <source>committed</source>
            <translation>已承诺</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>high</source>
            <translation>高</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>中</translation>
        </message>
        <message>
            <source>low</source>
            <translation>低</translation>
        </message>
        <message>
            <source>fund</source>
            <translation>基金</translation>
        </message>
        <message>
            <source>platform</source>
            <translation>平台</translation>
        </message>
        <message>
            <source>bank</source>
            <translation>银行</translation>
        </message>
        <message>
            <source>soe</source>
            <extracomment>A fund's kind: a state-owned enterprise.</extracomment>
            <translation>国有企业</translation>
        </message>
        <message>
            <source>company</source>
            <translation>企业</translation>
        </message>
        <message>
            <source>national</source>
            <translation>国家级</translation>
        </message>
        <message>
            <source>provincial</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>municipal</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区县级</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <source>Totals could not be computed: %1</source>
            <translation>无法计算合计：%1</translation>
        </message>
        <message>
            <source>Query failed: %1</source>
            <translation>查询失败：%1</translation>
        </message>
        <message>
            <source>Computing totals…</source>
            <translation>正在计算合计…</translation>
        </message>
        <message>
            <source>all funds in view</source>
            <translation>当前视图中的所有基金</translation>
        </message>
        <message>
            <source> · %1 undisclosed, %2 without a %3 rate (counted apart)</source>
            <translation> · %1笔未披露，%2笔缺少 %3 汇率（单独计数）</translation>
        </message>
        <message>
            <source>&lt;b&gt;Holdings of %1&lt;/b&gt; — %L2 investees · %3: %4 · %5: %6%7</source>
            <translation>&lt;b&gt;%1的持仓&lt;/b&gt; — %L2家被投企业 · %3：%4 · %5：%6%7</translation>
        </message>
        <message>
            <source>&lt;b&gt;%L1 investees&lt;/b&gt; received money under the filter%2</source>
            <translation>&lt;b&gt;%L1家被投企业&lt;/b&gt;在当前筛选条件下获得资金%2</translation>
        </message>
        <message>
            <source>%L1 disbursements in view</source>
            <translation>当前视图共%L1笔出资</translation>
        </message>
        <message>
            <source>Building the sort indexes of the last import (%1 of %2): sorting and filtering by date, amount, type, status, confidence or stake are slower until then</source>
            <translation>正在为上次导入建立排序索引（第 %1 个，共 %2 个）：在此之前，按日期、金额、类型、状态、可信度或持股比例排序和筛选会较慢</translation>
        </message>
        <message>
            <source>The sort indexes are built.</source>
            <translation>排序索引已建立。</translation>
        </message>
        <message>
            <source>The sort indexes could not be built (the next session tries again): %1</source>
            <translation>无法建立排序索引（下次打开时将重试）：%1</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>unknown command '%1' (run 'fundscope --help' for the list)</source>
            <translation>未知命令“%1”（运行“fundscope --help”查看命令列表）</translation>
        </message>
        <message>
            <source>no display found, so the window cannot open.
Headless commands work without one, for example:
  fundscope summary --by sector
(run 'fundscope --help' for every command)</source>
            <translation>未找到显示器，无法打开窗口。
无界面命令不需要显示器，例如：
  fundscope summary --by sector
（运行“fundscope --help”查看所有命令）</translation>
        </message>
    </context>
</TS>
