<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmountEdit</name>
    <message>
        <source>e.g. 1,234.5 · 12.3亿 · 1.2bn · 350m · 5万</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undisclosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored as undisclosed: no amount, never zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalyticsService</name>
    <message>
        <source>totals are still loading</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppTheme</name>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Units for amounts (View → Units); charts count in billions, or in 亿 for 亿 and 万</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undisclosed amounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 companies
%L2 sub-funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts in %1, converted at each value date&apos;s yearly rate. %2 = %3; %4 and %5 are kept apart; cancelled events are left out unless the filter asks for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector, region, year and top-investee charts: %1 The phase chart shows them as their own series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 undisclosed amounts and %2 amounts without a %3 rate are counted apart, not as zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rates used (CNY per unit): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rates missing: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 %3 · %4% of the total · %5 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1% of the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;All in view&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill-down: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a slice or bar to narrow every page to it; click a step to go back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Delete %1?&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 depend on it and will be deleted with it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;%1: that link is cleared; those records stay.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:gray&apos;&gt;You can take it all back with Edit → Undo.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete with dependents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailHtml</name>
    <message>
        <source>Sub-fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Founded: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funds that invested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-through: the sub-fund&apos;s own holdings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undisclosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No holdings of its own are recorded.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent fund:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capital not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>&lt;p style=&apos;color:gray&apos;&gt;Select a row to see its details, Chinese names and sources.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisbursementForm</name>
    <message>
        <source>Add disbursement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit disbursement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type the paying fund&apos;s name (English or 中文)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type the company&apos;s name (English, 中文 or ticker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New investee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD (empty: unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>percent after the event, e.g. 15.9 (empty: not reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… (several: separate with “ | ”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sta&amp;ke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New investee (added with the disbursement)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: added together with this disbursement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the fund that paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This fund has no phase yet: add one first (Data → New phase).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or create it: New investee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new investee: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add disbursement and investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit disbursement, add investee</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisbursementTableModel</name>
    <message>
        <source>The amount is undisclosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 %1 = %2 CNY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2 at the %3 rate (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 rate: the date is unknown, so no year&apos;s rate applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 rate for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount as reported, in its own currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount in %1 at the value date&apos;s yearly rate; empty where no rate exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disbursement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;fund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;phase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;investee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;disbursement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xchange rates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History of selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the %1. Undo with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row to edit first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the rows to delete first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n record(s). Undo with Ctrl+Z.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New phase of this fund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New disbursement for this %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this &amp;cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:gray&apos;&gt;&lt;i&gt;No changes recorded since it was loaded.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditCommand</name>
    <message>
        <source>Add fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add disbursement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete disbursement</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n funds</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n phases</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n investees</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n disbursements</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Edit fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit disbursement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set exchange rate %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete exchange rate %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeRateTableModel</name>
    <message>
        <source>CNY for one %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNY per unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a rate: write a number such as 7.1884.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeRatesDialog</name>
    <message>
        <source>Exchange rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNY per unit of each currency, by year. Totals in a base currency use the rate of the value date&apos;s year. Double-click a rate or source to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNY per unit, e.g. 7.1884</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or replace a rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a rate: write a number such as 7.1884.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 set to %3 CNY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 exchange rates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export &amp;chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export re&amp;port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy c&amp;hart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The totals are still being computed. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart could not be drawn at %1 × %2 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart copied (%1 × %2 px at %3 dpi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holdings could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 rows written to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report of %1 pages written to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report of %1 pages sent to the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportChartDialog</name>
    <message>
        <source>By sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By segment (every sector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By funding phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top investees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG (vector, text as text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (vector, searchable text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparent (PNG, SVG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As shown (dark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As shown (light)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light, for print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colours of the window&apos;s theme, or the light palette, which prints well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart&apos;s own title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chart:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Background:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Palette:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solid (dark, as shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file name to save the chart as.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportTableDialog</name>
    <message>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disbursements (interchange format: re-imports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdings: investees with totals under the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investees (interchange format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funds (interchange format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases (interchange format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with a byte order mark, so that Excel reads UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file name to save the table as.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldText</name>
    <message>
        <source>This column cannot be edited here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>Invested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disbursements, equity purchases, loans and grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commitments, kept apart from money invested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equity sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invested in companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed to companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divested from companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invested into sub-funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed into sub-funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divested from sub-funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 in companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 into sub-funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 undisclosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 flow into sub-funds%1 left out: the sub-fund&apos;s own investments reach the companies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 flows into sub-funds%2 left out: the sub-funds&apos; own investments reach the companies.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search names (English or 中文) or tickers — Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY[-MM[-DD]]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earliest value date, inclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest value date, inclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base currency for totals (converted at the value date&apos;s yearly rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every restriction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FundForm</name>
    <message>
        <source>Add fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name, as in the sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中文名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fund of funds it belongs to, if any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… (several: separate with “ | ”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese na&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parent fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mana&amp;ger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fund</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FundTableModel</name>
    <message>
        <source>Registered capital: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Manager: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Source: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中文名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FundTreeModel</name>
    <message>
        <source>Fund / phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>All records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disbursements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in fields, values and users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %L2 recorded, newest first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disbursement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import funds, phases, investees, disbursements or exchange rates from CSV files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportCheckPage</name>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row is read and checked; nothing is stored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When rows have problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;nothing (fix the file first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the &amp;valid rows, leave out the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>are problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>are skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>are kept (stored again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicates (same fund, phase, investee, date, type and amount):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking… %L1 rows read (%L2 rows/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;The files cannot be imported as they are:&lt;/b&gt; %n problem(s) concern whole files or the database (listed first).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Every row is valid: %n row(s).&lt;/b&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Valid rows: %L1. Rows with problems: %L2&lt;/b&gt; (%n problem(s) listed below, by line and column).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicates to skip: %L1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First used at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave as a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map to existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>existing name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFilesPage</name>
    <message>
        <source>comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bar |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interchange CSV files or spreadsheets saved as CSV. The encoding, delimiter and header are detected; correct them here if they are wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: you can also drop CSV files on the main window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportIssueModel</name>
    <message>
        <source>%1 (skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which column holds which field. Columns whose header names a field are mapped already; fields in bold are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pply preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column %1 is mapped twice: to %2 and to %3. Map each column to one field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required fields without a column: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows go in one transaction: a cancelled or failed import changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 rows read · %L2 rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 rows read · %L2 rows/s · building indexes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 rows · saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; the database was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing was imported.&lt;/b&gt;&lt;br&gt;%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Imported %n row(s).&lt;/b&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with problems left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import %1 (%L2 rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit → Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InvesteeForm</name>
    <message>
        <source>Add investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name, as in the sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中文名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for a sub-fund: the fund record it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>688981.SH, 0981.HK …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… (several: separate with “ | ”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese na&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-through f&amp;und</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sec&amp;tor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;gment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;icker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Founded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fund</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InvesteeTableModel</name>
    <message>
        <source>(sub-fund)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
%1 undisclosed, %2 without a %3 rate (not in the totals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
A sub-fund: select it to look through to its own holdings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Source: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中文名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest stake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undisclosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>The Chinese catalogue could not be loaded; the interface stays in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dash&amp;board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Holdings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disbursements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Investees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;unds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Fundscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fundscope databases (*.db *.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fundscope databases (*.db *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Fundscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Fundscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Fundscope %1&lt;/b&gt;&lt;p&gt;State-led technology investment: funds, phases, the companies they fund and every commitment and disbursement, with sources.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindowLauncher</name>
    <message>
        <source>%1

It was not opened and nothing in it was changed. &apos;fundscope check --db FILE&apos; lists what is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigatorPanel</name>
    <message>
        <source>Find a fund (English or 中文)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every fund&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Funds and phases&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhaseForm</name>
    <message>
        <source>Add phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type a fund&apos;s name (English or 中文)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase I, Phase II, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered, paid-in, target …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… (several: separate with “ | ”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capital &amp;basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fund</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QMenu</name>
    <message>
        <source>&amp;Units</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>“%1” could not be redone: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be undone: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— unknown —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>No %1 is called “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” matches %2 %3s; choose one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableSupport</name>
    <message>
        <source>&amp;Copy rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;all rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>Full amounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Millions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>亿 (100 million)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>万 (10 thousand)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpgradeNotice</name>
    <message>
        <source>Upgrading %1 to this version of Fundscope (once; a large database takes some seconds)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Totals could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing totals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all funds in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 undisclosed, %2 without a %3 rate (counted apart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Holdings of %1&lt;/b&gt; — %L2 investees · %3: %4 · %5: %6%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%L1 investees&lt;/b&gt; received money under the filter%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 disbursements in view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
