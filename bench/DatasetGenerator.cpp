#include "DatasetGenerator.h"

#include "CsvWriter.h"
#include "InterchangeColumns.h"
#include "Database.h"
#include "SeededRandom.h"
#include "Vocabulary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace {

// ---------------------------------------------------------------------------------------------
// Word lists. Everything the generator says is composed from these, so a seed fixes every name.
// The tables read better in rows, so formatting is off until the end of them.
// clang-format off

struct Words {
    const char *zh;
    const char *en;
};

// Characters with their pinyin, composed two at a time into company and place names.
const Words Syllables[] = {
    { "华", "Hua" },   { "芯", "Xin" },   { "中", "Zhong" }, { "微", "Wei" },   { "长", "Chang" },
    { "晶", "Jing" },  { "源", "Yuan" },  { "智", "Zhi" },   { "海", "Hai" },   { "光", "Guang" },
    { "锐", "Rui" },   { "创", "Chuang" }, { "天", "Tian" },  { "科", "Ke" },    { "宇", "Yu" },
    { "航", "Hang" },  { "盛", "Sheng" }, { "达", "Da" },    { "泰", "Tai" },   { "恒", "Heng" },
    { "通", "Tong" },  { "联", "Lian" },  { "安", "An" },    { "博", "Bo" },    { "康", "Kang" },
    { "讯", "Xun" },   { "飞", "Fei" },   { "云", "Yun" },   { "启", "Qi" },    { "明", "Ming" },
    { "辰", "Chen" },  { "星", "Xing" },  { "磐", "Pan" },   { "极", "Ji" },    { "兆", "Zhao" },
    { "易", "Yi" },    { "嘉", "Jia" },   { "睿", "Rui" },   { "汇", "Hui" },   { "金", "Jin" },
    { "凯", "Kai" },   { "德", "De" },    { "鼎", "Ding" },  { "润", "Run" },   { "紫", "Zi" },
    { "青", "Qing" },  { "蓝", "Lan" },   { "东", "Dong" },  { "越", "Yue" },   { "昇", "Sheng" },
    { "众", "Zhong" }, { "之", "Zhi" },   { "合", "He" },    { "尚", "Shang" }, { "朗", "Lang" },
};
constexpr int SyllableCount = int(std::size(Syllables));

// Industry words by (sector, segment) as the vocabulary names them; a company's name says what
// it does. Unknown segments fall back to the sector's words, unknown sectors to "科技/Technology".
struct IndustryWords {
    const char *sector;
    const char *segment; // nullptr: the sector's generic words
    Words words[2];
};
const IndustryWords Industries[] = {
    { "Semiconductors", "design",
      { { "微电子", "Microelectronics" }, { "集成电路", "Integrated Circuit" } } },
    { "Semiconductors", "foundry",
      { { "集成电路制造", "IC Manufacturing" }, { "晶圆", "Wafer Technology" } } },
    { "Semiconductors", "memory",
      { { "存储科技", "Memory Technology" }, { "存储器", "Storage Semiconductor" } } },
    { "Semiconductors", "equipment",
      { { "半导体设备", "Semiconductor Equipment" }, { "精密装备", "Precision Equipment" } } },
    { "Semiconductors", "materials",
      { { "半导体材料", "Semiconductor Materials" }, { "电子材料", "Electronic Materials" } } },
    { "Semiconductors", "packaging & test",
      { { "封装测试", "Packaging & Test" }, { "先进封装", "Advanced Packaging" } } },
    { "Semiconductors", "EDA",
      { { "电子设计自动化", "Design Automation" }, { "芯片软件", "Chip Software" } } },
    { "Semiconductors", "power semiconductors",
      { { "功率半导体", "Power Semiconductor" }, { "电力电子", "Power Electronics" } } },
    { "Semiconductors", "compound semiconductors",
      { { "化合物半导体", "Compound Semiconductor" }, { "碳化硅", "Silicon Carbide" } } },
    { "Semiconductors", "AI chips",
      { { "智能芯片", "Intelligent Chip" }, { "算力科技", "Computing Technology" } } },
    { "Semiconductors", nullptr,
      { { "半导体", "Semiconductor" }, { "芯片", "Chip" } } },
    { "Artificial intelligence", "computer vision",
      { { "视觉科技", "Vision Technology" }, { "图像智能", "Imaging Intelligence" } } },
    { "Artificial intelligence", "large language models",
      { { "智能", "Intelligence" }, { "大模型科技", "AI Models" } } },
    { "Artificial intelligence", "speech & language",
      { { "语音科技", "Voice Technology" }, { "语言智能", "Language Intelligence" } } },
    { "Artificial intelligence", "AI chips",
      { { "智算芯片", "AI Chip" }, { "类脑科技", "Neuromorphic Technology" } } },
    { "Artificial intelligence", nullptr,
      { { "人工智能", "Artificial Intelligence" }, { "智能科技", "Smart Technology" } } },
    { "Quantum", "quantum computing",
      { { "量子计算", "Quantum Computing" }, { "量子信息", "Quantum Information" } } },
    { "Quantum", "quantum communication",
      { { "量子通信", "Quantum Communication" }, { "量子网络", "Quantum Network" } } },
    { "Quantum", "equipment",
      { { "量子仪器", "Quantum Instruments" }, { "量子测控", "Quantum Control" } } },
    { "Quantum", nullptr,
      { { "量子科技", "Quantum Technology" }, { "量子", "Quantum" } } },
    { "Biotechnology", "biopharmaceuticals",
      { { "生物医药", "Biopharma" }, { "生物科技", "Biotech" } } },
    { "Biotechnology", "pharmaceuticals",
      { { "制药", "Pharmaceutical" }, { "医药", "Medicine" } } },
    { "Biotechnology", "medical devices",
      { { "医疗器械", "Medical Devices" }, { "医疗科技", "Medical Technology" } } },
    { "Biotechnology", nullptr,
      { { "生物", "Bioscience" }, { "健康科技", "Health Technology" } } },
    { "New energy vehicles & batteries", "electric vehicles",
      { { "新能源汽车", "New Energy Vehicle" }, { "智能汽车", "Smart Auto" } } },
    { "New energy vehicles & batteries", "batteries",
      { { "动力电池", "Power Battery" }, { "储能科技", "Energy Storage" } } },
    { "New energy vehicles & batteries", "power semiconductors",
      { { "电驱科技", "E-Drive Technology" }, { "车规芯片", "Automotive Chip" } } },
    { "New energy vehicles & batteries", nullptr,
      { { "新能源", "New Energy" }, { "电动科技", "E-Mobility" } } },
};
const Words GenericIndustry[2] = { { "科技", "Technology" }, { "高新技术", "High Technology" } };

const Words CompanySuffixes[] = {
    { "有限公司", "Co., Ltd." },
    { "股份有限公司", "Corp." },
    { "科技有限公司", "Technology Ltd." },
};

// Themes of funds, the first few used in order by the huge national funds.
const Words FundThemes[] = {
    { "集成电路", "Integrated Circuit" },       { "人工智能", "Artificial Intelligence" },
    { "新能源汽车", "New Energy Vehicle" },     { "生物医药", "Biomedicine" },
    { "量子科技", "Quantum Technology" },       { "半导体", "Semiconductor" },
    { "战略性新兴", "Strategic Emerging" }, { "先进制造", "Advanced Manufacturing" },
    { "科技创新", "Science and Technology Innovation" }, { "数字经济", "Digital Economy" },
};

// Foreign places investees are in, with the company suffix usual there.
struct Abroad {
    const char *code;
    double weight;
    const char *suffix;
    bool euro;
};
const Abroad AbroadPlaces[] = {
    { "US", 30, "Inc.", false },  { "JP", 10, "K.K.", false },  { "KR", 10, "Co., Ltd.", false },
    { "SG", 10, "Pte. Ltd.", false }, { "DE", 10, "GmbH", true }, { "NL", 8, "B.V.", true },
    { "GB", 8, "Ltd.", false },   { "IL", 6, "Ltd.", false },   { "FR", 5, "SAS", true },
    { "CH", 3, "AG", false },
};
const char *const LatinHeads[] = { "Vel", "Nex", "Quan", "Lum", "Ari", "Cor", "Syn", "Tera",
                                   "Opti", "Astra", "Vire", "Kion", "Zen", "Heli", "Ony", "Pra" };
const char *const LatinTails[] = { "tix", "ora", "ion", "ent", "yx", "aro", "ica", "eon", "ium", "ova" };

// Relative weight of a province among investees and local funds; others weigh 0.6.
struct ProvinceWeight {
    const char *name;
    double weight;
};
const ProvinceWeight ProvinceWeights[] = {
    { "Guangdong", 14 }, { "Jiangsu", 14 }, { "Shanghai", 13 }, { "Beijing", 12 }, { "Zhejiang", 9 },
    { "Anhui", 5 },      { "Hubei", 4 },    { "Sichuan", 4 },   { "Shandong", 4 }, { "Fujian", 3 },
    { "Shaanxi", 3 },    { "Hunan", 2.5 },  { "Tianjin", 2 },   { "Henan", 2 },    { "Chongqing", 2 },
    { "Hong Kong", 2 },  { "Liaoning", 1.5 }, { "Jiangxi", 1.2 }, { "Taiwan", 1 },  { "Hebei", 1 },
};

struct SectorWeight {
    const char *name;
    double weight;
};
const SectorWeight SectorWeights[] = {
    { "Semiconductors", 45 }, { "Artificial intelligence", 20 }, { "Biotechnology", 15 },
    { "New energy vehicles & batteries", 15 }, { "Quantum", 5 },
};

const auto &Kinds = Vocabulary::FundKindWords;
enum Kind { FundKind, PlatformKind, BankKind, SoeKind };
const auto &Levels = Vocabulary::FundLevelWords;
enum Level { National, Provincial, Municipal, District };

const auto &Types = Vocabulary::EventTypeWords;
enum Type { Commitment, Disbursement, EquityPurchase, EquitySale, Loan, Grant };
const double TypeWeights[] = { 12, 15, 48, 7, 11, 7 };
const double TypeAmountShift[] = { 0.3, 0.0, 0.0, 0.2, 0.4, -1.2 };
const double FundOfFundsTypeWeights[] = { 50, 40, 10, 0, 0, 0 };

const auto &Statuses = Vocabulary::StatusWords;
const double StatusWeights[] = { 17, 8, 72, 3 };
const double CommitmentStatusWeights[] = { 35, 55, 6, 4 };
const auto &Confidences = Vocabulary::ConfidenceWords;
const double ConfidenceWeights[] = { 35, 45, 20 };

// Disbursement currencies and the rough CNY value of one unit used to size amounts.
const char *const Currencies[] = { "CNY", "USD", "HKD", "EUR" };
const double RoughCnyPerUnit[] = { 1.0, 6.9, 0.88, 7.7 };
const double MainlandCurrencyWeights[] = { 88, 7, 4, 1 };
const double HongKongCurrencyWeights[] = { 25, 15, 60, 0 };
const double AbroadCurrencyWeights[] = { 10, 65, 5, 20 };
const double AbroadEuroCurrencyWeights[] = { 10, 25, 0, 65 };

// Median disbursement in CNY by the paying fund's level.
const double LevelMedianCny[] = { 2.0e8, 8.0e7, 4.0e7, 1.5e7 };
const double LevelWeightFactor[] = { 3.0, 1.5, 1.0, 0.5 };

// Annual averages, CNY per unit (rounded public figures; 2025-2026 estimated). EUR leaves 2011
// and 2026 out on purpose, so that "no rate for this year" exists in every generated dataset.
struct Rate {
    const char *currency;
    int year;
    double cnyPerUnit;
};
const Rate ExchangeRates[] = {
    { "EUR", 2010, 8.9725 }, { "EUR", 2012, 8.1067 }, { "EUR", 2013, 8.2219 }, { "EUR", 2014, 8.1651 },
    { "EUR", 2015, 6.9141 }, { "EUR", 2016, 7.3498 }, { "EUR", 2017, 7.6290 }, { "EUR", 2018, 7.8071 },
    { "EUR", 2019, 7.7247 }, { "EUR", 2020, 7.8755 }, { "EUR", 2021, 7.6282 }, { "EUR", 2022, 7.0721 },
    { "EUR", 2023, 7.6189 }, { "EUR", 2024, 7.7050 }, { "EUR", 2025, 8.1000 },
    { "HKD", 2010, 0.8712 }, { "HKD", 2011, 0.8301 }, { "HKD", 2012, 0.8138 }, { "HKD", 2013, 0.7986 },
    { "HKD", 2014, 0.7922 }, { "HKD", 2015, 0.8034 }, { "HKD", 2016, 0.8558 }, { "HKD", 2017, 0.8665 },
    { "HKD", 2018, 0.8436 }, { "HKD", 2019, 0.8805 }, { "HKD", 2020, 0.8894 }, { "HKD", 2021, 0.8299 },
    { "HKD", 2022, 0.8587 }, { "HKD", 2023, 0.9002 }, { "HKD", 2024, 0.9118 }, { "HKD", 2025, 0.9230 },
    { "HKD", 2026, 0.9120 },
    { "USD", 2010, 6.7695 }, { "USD", 2011, 6.4588 }, { "USD", 2012, 6.3125 }, { "USD", 2013, 6.1932 },
    { "USD", 2014, 6.1428 }, { "USD", 2015, 6.2284 }, { "USD", 2016, 6.6423 }, { "USD", 2017, 6.7518 },
    { "USD", 2018, 6.6174 }, { "USD", 2019, 6.8985 }, { "USD", 2020, 6.8976 }, { "USD", 2021, 6.4515 },
    { "USD", 2022, 6.7261 }, { "USD", 2023, 7.0467 }, { "USD", 2024, 7.1217 }, { "USD", 2025, 7.1800 },
    { "USD", 2026, 7.1000 },
};
const char RateSource[] = "synthetic: rounded annual average (fundscope-bench)";

// Notes, a few with commas, quotes and a line break so that CSV quoting is exercised.
const char *const DisbursementNotes[] = {
    "amount converted from a range in the source",
    "figure from the prospectus; stake after dilution",
    "据公告，投资金额为约数",
    "reported as \"up to\" the amount, may include follow-on tranches",
    "two sources differ by 0.5%; the filed figure is used",
    "分两期到位，首期已实缴",
    "investment via an SPV, \"Holdings\" entity, per filing",
};
const char MultiLineNote[] = "first report: announced\nsecond report: completed";
const char *const FundNotes[] = {
    "size as registered; paid-in capital not disclosed",
    "co-managed with a provincial platform, \"dual GP\" structure",
    "由地方财政出资设立",
};
const char *const CompanyNotes[] = {
    "formerly a subsidiary of a state-owned group",
    "spun off in 2019, renamed twice",
    "曾用名：详见工商登记",
    "listed via a \"red chip\" structure, Cayman-incorporated",
};

const char *const Roman[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" };
// clang-format on

constexpr int FirstYear = 2010;
constexpr int LastYear = 2026;

// ---------------------------------------------------------------------------------------------

struct Province
{
    int id = 0;
    QString name;
    QString nameZh;
    double weight = 0.6;
    std::vector<int> cities; // indexes into Vocabulary::cities
};

struct City
{
    int id = 0;
    QString name;
    QString nameZh;
};

struct Country
{
    int id = 0;
    QString name;
    const Abroad *place = nullptr;
    int cityIndex = -1; // a city directly under the country (Singapore), or -1
};

struct Sector
{
    int id = 0;
    QString name;
    double weight = 5;
    std::vector<int> segments; // indexes into Vocabulary::segments
};

struct Segment
{
    int id = 0;
    int sector = 0; // index into Vocabulary::sectors
    QString name;
    const Words *words = GenericIndustry;
};

struct Vocabulary
{
    int chinaId = 0;
    QString chinaName;
    int beijing = -1;
    std::vector<Province> provinces;
    std::vector<City> cities;
    std::vector<Country> abroad;
    std::vector<Sector> sectors;
    std::vector<Segment> segments;
    QHash<QString, int> minorDigits;
    std::vector<double> provinceCumulative;
};

struct Fund
{
    QString name;
    QString nameZh;
    int kind = FundKind;
    int level = National;
    int province = -1;
    int city = -1; // index into Vocabulary::cities, or -1
    int parent = -1;
    QString manager;
    QString notes;
    QString url;
    double weight = 0;
    int firstPhase = 0;
    int phaseCount = 0;
    bool big = false; // one of the few huge national funds
};

struct Phase
{
    int fund = 0;
    QString label;
    QString start;
    int startYear = FirstYear;
    qint64 capitalMinor = 0; // 0: not disclosed
    const char *basis = nullptr;
    QString url;
    QByteArray fundUtf8; // for the CSV rows that name this phase
    QByteArray labelUtf8;
};

struct Investee
{
    QString name;
    QString nameZh;
    int fund = -1; // >= 0: an investee of kind 'fund', the fund with that index
    int sector = -1;
    int segment = -1;
    int country = -1; // index into Vocabulary::abroad; -1: China
    int province = -1;
    int city = -1;
    QString ticker;
    QString founded;
    QString notes;
    QString url;
    QByteArray nameUtf8; // for the CSV rows that name this investee
};

bool isLeap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return month == 2 && isLeap(year) ? 29 : days[month - 1];
}

// A date at mixed precision in `year`: day, month, year or unknown with the given weights.
// Writes into `out` (at least 11 bytes) and returns its length; 0 means NULL.
int makeDate(SeededRandom &rng, int year, const double (&precision)[4], char *out)
{
    const int which = rng.pick(precision);
    if (which == 3)
        return 0;
    if (which == 2)
        return std::snprintf(out, 11, "%04d", year);
    const int month = int(rng.between(1, 12));
    if (which == 1)
        return std::snprintf(out, 11, "%04d-%02d", year, month);
    const int day = int(rng.between(1, daysInMonth(year, month)));
    return std::snprintf(out, 11, "%04d-%02d-%02d", year, month, day);
}

QString dateString(SeededRandom &rng, int year, const double (&precision)[4])
{
    char buffer[16];
    const int length = makeDate(rng, year, precision, buffer);
    return length ? QString::fromLatin1(buffer, length) : QString();
}

// Keeps the first `digits` significant digits of a positive integer, as reported figures do.
qint64 roundSignificant(qint64 value, int digits)
{
    qint64 limit = 1;
    for (int i = 0; i < digits; ++i)
        limit *= 10;
    qint64 scale = 1;
    while (value / scale >= limit)
        scale *= 10;
    return std::max<qint64>(1, (value + scale / 2) / scale) * scale;
}

// Minor units as a decimal in major units: 123450 with 2 digits -> "1234.5".
QByteArray majorUnits(qint64 minor, int digits)
{
    QByteArray text = QByteArray::number(minor);
    if (digits == 0)
        return text;
    while (text.size() <= digits)
        text.prepend('0');
    text.insert(text.size() - digits, '.');
    while (text.endsWith('0'))
        text.chop(1);
    if (text.endsWith('.'))
        text.chop(1);
    return text;
}

// A double with at most `decimals` decimals, without trailing zeros.
QByteArray decimal(double value, int decimals)
{
    char buffer[64];
    const int length = std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    QByteArray text(buffer, length);
    if (text.contains('.')) {
        while (text.endsWith('0'))
            text.chop(1);
        if (text.endsWith('.'))
            text.chop(1);
    }
    return text;
}

QString pinyinWord(const Words &first, const Words &second)
{
    return QString::fromUtf8(first.en) + QString::fromUtf8(second.en).toLower();
}

// Makes `name` unique in `used` by numbering it ("… No. 2"); `nameZh` gets the same number.
void makeUnique(QSet<QString> &used, QString &name, QString &nameZh)
{
    if (used.contains(name)) {
        for (int n = 2;; ++n) {
            const QString candidate = name + QStringLiteral(" No. %1").arg(n);
            if (!used.contains(candidate)) {
                name = candidate;
                if (!nameZh.isEmpty())
                    nameZh += QStringLiteral("%1号").arg(n);
                break;
            }
        }
    }
    used.insert(name);
}

// ---------------------------------------------------------------------------------------------

quint64 mix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// One drawn disbursement, before its source URL and notes.
struct Draw
{
    int investee = 0;
    int phase = 0;
    int year = FirstYear;
    int dateLength = 0; // of the text in the caller's date buffer; 0: NULL
    int type = 0;
    int status = 0;
    int confidence = 0;
    int currency = -1; // -1: undisclosed
    qint64 amountMinor = 0;
    double stake = -1; // < 0: NULL

    /// A 64-bit digest of what the importer compares to find duplicates.
    quint64 key(const char *date) const
    {
        quint64 packed[2] = { 0, 0 };
        std::memcpy(packed, date, std::size_t(std::min(dateLength, 16)));
        quint64 h = mix64((quint64(quint32(phase)) << 32) | quint32(investee));
        h = mix64(h ^ ((quint64(quint32(type)) << 8) | quint64(quint32(currency + 1))));
        h = mix64(h ^ quint64(amountMinor));
        h = mix64(h ^ packed[0]);
        return mix64(h ^ packed[1]) | 1; // never 0, the empty slot
    }
};

// A set of 64-bit digests (open addressing, linear probing) sized for `capacity` insertions. A
// digest collision only makes the generator draw a row again, so digests stand in for rows.
class DrawnKeys
{
public:
    explicit DrawnKeys(qint64 capacity)
    {
        std::size_t size = 1024;
        while (size < std::size_t(capacity) * 2)
            size *= 2;
        m_slots.assign(size, 0);
        m_mask = size - 1;
    }
    /// False when `key` was inserted before.
    bool insert(quint64 key)
    {
        for (std::size_t i = std::size_t(key) & m_mask;; i = (i + 1) & m_mask) {
            if (m_slots[i] == key)
                return false;
            if (m_slots[i] == 0) {
                m_slots[i] = key;
                return true;
            }
        }
    }

private:
    std::vector<quint64> m_slots;
    std::size_t m_mask = 0;
};

// One interchange file: the project's CsvWriter over a file that must not exist yet.
class CsvFile
{
public:
    bool open(const QString &path, const QByteArray &header, QString *error)
    {
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            *error = QStringLiteral("%1 cannot be created: %2").arg(path, m_file.errorString());
            return false;
        }
        m_writer = std::make_unique<CsvWriter>(&m_file);
        for (const QByteArray &name : header.split(','))
            m_writer->writeField(QByteArrayView(name));
        m_writer->endRecord();
        return true;
    }
    void field(const QString &text) { m_writer->writeField(QStringView(text)); }
    void field(QByteArrayView utf8) { m_writer->writeField(utf8); }
    void field(const QByteArray &utf8) { m_writer->writeField(QByteArrayView(utf8)); }
    void field(const char *utf8) { m_writer->writeField(QByteArrayView(utf8)); }
    void endRow() { m_writer->endRecord(); }
    bool close(QString *error)
    {
        if (!m_writer)
            return true;
        const bool written = m_writer->flush() && m_file.flush();
        if (!written)
            *error = QStringLiteral("%1 cannot be written: %2")
                         .arg(m_file.fileName(),
                             m_writer->hasError() ? m_writer->errorString() : m_file.errorString());
        m_writer.reset();
        m_file.close();
        return written;
    }

private:
    QFile m_file;
    std::unique_ptr<CsvWriter> m_writer;
};

// One generation: owns the connection, the prepared statements and the in-memory funds, phases
// and investees (disbursements are streamed, never held).
class Run
{
public:
    Run(const DatasetGenerator::Spec &spec, DatasetGenerator::Counts &counts)
        : m_spec(spec)
        , m_counts(counts)
        , m_rng(spec.seed)
    {
    }
    ~Run()
    {
        for (sqlite3_stmt *statement : m_statements)
            sqlite3_finalize(statement);
    }

    bool execute(const QString &dbPath, const QString &csvDir);
    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }
    bool sqlFail(const QString &what)
    {
        return fail(
            QStringLiteral("%1: %2: %3").arg(m_db.path(), what, QString::fromUtf8(sqlite3_errmsg(m_handle))));
    }
    bool exec(const char *sql);
    sqlite3_stmt *prepare(const char *sql);
    bool step(sqlite3_stmt *statement, const QString &what);
    void bindText(sqlite3_stmt *statement, int index, const QString &value);
    void bindOptionalInt(sqlite3_stmt *statement, int index, int value) // NULL when < 0
    {
        if (value < 0)
            sqlite3_bind_null(statement, index);
        else
            sqlite3_bind_int(statement, index, value);
    }

    bool readVocabulary();
    void makeFunds();
    QString placeName(const Fund &fund, bool chinese, const Words &district) const;
    void nameFund(Fund &fund, int themeIndex);
    void makeInvestees();
    void nameCompany(Investee &investee);
    bool openCsv(const QString &csvDir);
    bool insertFunds();
    bool insertPhases();
    bool insertInvestees();
    bool insertExchangeRates();
    bool insertDisbursements();
    int regionIdOfCity(int city) const { return city < 0 ? -1 : m_vocabulary.cities[std::size_t(city)].id; }
    int provinceId(int province) const
    {
        return province < 0 ? -1 : m_vocabulary.provinces[std::size_t(province)].id;
    }

    const DatasetGenerator::Spec &m_spec;
    DatasetGenerator::Counts &m_counts;
    SeededRandom m_rng;
    Database m_db;
    sqlite3 *m_handle = nullptr;
    std::vector<sqlite3_stmt *> m_statements;
    QString m_error;

    Vocabulary m_vocabulary;
    std::vector<Fund> m_funds;
    std::vector<Phase> m_phases;
    std::vector<Investee> m_investees;
    int m_companyCount = 0;
    QSet<QString> m_investeeNames;

    bool m_csv = false;
    CsvFile m_fundsCsv;
    CsvFile m_phasesCsv;
    CsvFile m_investeesCsv;
    CsvFile m_disbursementsCsv;
    CsvFile m_ratesCsv;
};

bool Run::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_handle, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(m_handle));
    sqlite3_free(message);
    return fail(QStringLiteral("%1: %2 failed: %3").arg(m_db.path(), QString::fromUtf8(sql).left(60), text));
}

sqlite3_stmt *Run::prepare(const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_handle, sql, -1, &statement, nullptr) != SQLITE_OK) {
        sqlFail(QStringLiteral("preparing \"%1\"").arg(QString::fromUtf8(sql).left(60)));
        return nullptr;
    }
    m_statements.push_back(statement);
    return statement;
}

bool Run::step(sqlite3_stmt *statement, const QString &what)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return true;
    return sqlFail(what);
}

void Run::bindText(sqlite3_stmt *statement, int index, const QString &value)
{
    if (value.isEmpty()) {
        sqlite3_bind_null(statement, index);
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

QString columnText(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return text ? QString::fromUtf8(text) : QString();
}

bool Run::readVocabulary()
{
    Vocabulary &v = m_vocabulary;
    sqlite3_stmt *regions
        = prepare("SELECT id, kind, parent_id, name, name_zh, code FROM regions ORDER BY id");
    if (!regions)
        return false;
    QHash<int, int> provinceById;
    QHash<int, int> countryById;
    struct PendingCity
    {
        int parentId;
        City city;
    };
    std::vector<PendingCity> cities;
    while (sqlite3_step(regions) == SQLITE_ROW) {
        const int id = sqlite3_column_int(regions, 0);
        const QString kind = columnText(regions, 1);
        const int parentId = sqlite3_column_int(regions, 2);
        const QString name = columnText(regions, 3);
        if (kind == QLatin1String("country")) {
            const QString code = columnText(regions, 5);
            if (code == QLatin1String("CN")) {
                v.chinaId = id;
                v.chinaName = name;
                continue;
            }
            for (const Abroad &place : AbroadPlaces) {
                if (code == QLatin1String(place.code)) {
                    countryById.insert(id, int(v.abroad.size()));
                    v.abroad.push_back({ id, name, &place, -1 });
                }
            }
        } else if (kind == QLatin1String("province")) {
            if (parentId != v.chinaId)
                continue;
            Province province;
            province.id = id;
            province.name = name;
            province.nameZh = columnText(regions, 4);
            for (const ProvinceWeight &weight : ProvinceWeights) {
                if (name == QLatin1String(weight.name))
                    province.weight = weight.weight;
            }
            if (name == QLatin1String("Beijing"))
                v.beijing = int(v.provinces.size());
            provinceById.insert(id, int(v.provinces.size()));
            v.provinces.push_back(province);
        } else if (kind == QLatin1String("city")) {
            cities.push_back({ parentId, { id, name, columnText(regions, 4) } });
        }
    }
    for (const PendingCity &pending : cities) {
        if (provinceById.contains(pending.parentId)) {
            v.provinces[std::size_t(provinceById.value(pending.parentId))].cities.push_back(
                int(v.cities.size()));
            v.cities.push_back(pending.city);
        } else if (countryById.contains(pending.parentId)) {
            Country &country = v.abroad[std::size_t(countryById.value(pending.parentId))];
            if (country.cityIndex < 0) {
                country.cityIndex = int(v.cities.size());
                v.cities.push_back(pending.city);
            }
        }
    }
    if (v.chinaId == 0 || v.provinces.empty())
        return fail(
            QStringLiteral("%1: the regions vocabulary has no China or no provinces").arg(m_db.path()));
    double total = 0;
    for (const Province &province : v.provinces)
        v.provinceCumulative.push_back(total += province.weight);

    sqlite3_stmt *sectors = prepare("SELECT id, name FROM sectors ORDER BY id");
    if (!sectors)
        return false;
    QHash<int, int> sectorById;
    while (sqlite3_step(sectors) == SQLITE_ROW) {
        Sector sector;
        sector.id = sqlite3_column_int(sectors, 0);
        sector.name = columnText(sectors, 1);
        for (const SectorWeight &weight : SectorWeights) {
            if (sector.name == QLatin1String(weight.name))
                sector.weight = weight.weight;
        }
        sectorById.insert(sector.id, int(v.sectors.size()));
        v.sectors.push_back(sector);
    }
    sqlite3_stmt *segments = prepare("SELECT id, sector_id, name FROM segments ORDER BY id");
    if (!segments)
        return false;
    while (sqlite3_step(segments) == SQLITE_ROW) {
        Segment segment;
        segment.id = sqlite3_column_int(segments, 0);
        segment.sector = sectorById.value(sqlite3_column_int(segments, 1), -1);
        segment.name = columnText(segments, 2);
        if (segment.sector < 0)
            continue;
        const QString &sectorName = v.sectors[std::size_t(segment.sector)].name;
        const Words *fallback = GenericIndustry;
        for (const IndustryWords &industry : Industries) {
            if (sectorName != QLatin1String(industry.sector))
                continue;
            if (!industry.segment)
                fallback = industry.words;
            else if (segment.name == QLatin1String(industry.segment))
                segment.words = industry.words;
        }
        if (segment.words == GenericIndustry)
            segment.words = fallback;
        v.sectors[std::size_t(segment.sector)].segments.push_back(int(v.segments.size()));
        v.segments.push_back(segment);
    }
    if (v.sectors.empty())
        return fail(QStringLiteral("%1: the sectors vocabulary is empty").arg(m_db.path()));

    sqlite3_stmt *currencies = prepare("SELECT code, minor_digits FROM currencies");
    if (!currencies)
        return false;
    while (sqlite3_step(currencies) == SQLITE_ROW)
        v.minorDigits.insert(columnText(currencies, 0), sqlite3_column_int(currencies, 1));
    for (const char *code : Currencies) {
        if (!v.minorDigits.contains(QLatin1String(code)))
            return fail(QStringLiteral("%1: the currency %2 is missing from the vocabulary")
                            .arg(m_db.path(), QLatin1String(code)));
    }
    return true;
}

QString Run::placeName(const Fund &fund, bool chinese, const Words &district) const
{
    const Province &province = m_vocabulary.provinces[std::size_t(fund.province)];
    QString city;
    if (fund.city >= 0) {
        const City &c = m_vocabulary.cities[std::size_t(fund.city)];
        city = chinese ? c.nameZh : c.name;
    } else {
        // No city of this province in the vocabulary: the fund names a county-level place.
        city = chinese ? QString(province.nameZh + QString::fromUtf8(district.zh) + QStringLiteral("市"))
                       : QString(QString::fromUtf8(district.en) + QStringLiteral(" ") + province.name);
    }
    switch (fund.level) {
    case National:
        return chinese ? QStringLiteral("国家") : QStringLiteral("National");
    case Provincial:
        return chinese ? province.nameZh : province.name;
    case Municipal:
        return city;
    default:
        return chinese ? QString(city + QString::fromUtf8(district.zh) + QStringLiteral("区"))
                       : QString(city + QStringLiteral(" ") + QString::fromUtf8(district.en)
                           + QStringLiteral(" District"));
    }
}

void Run::nameFund(Fund &fund, int themeIndex)
{
    const Words &theme = FundThemes[themeIndex];
    const Words &a = Syllables[m_rng.below(SyllableCount)];
    const Words &b = Syllables[m_rng.below(SyllableCount)];
    const QByteArray districtZh = QByteArray(a.zh) + b.zh;
    const QByteArray districtEn = pinyinWord(a, b).toUtf8();
    const Words place = { districtZh.constData(), districtEn.constData() };
    const QString en = placeName(fund, false, place);
    const QString zh = placeName(fund, true, place);
    const QString themeEn = QString::fromUtf8(theme.en);
    const QString themeZh = QString::fromUtf8(theme.zh);
    const bool national = fund.level == National;
    switch (fund.kind) {
    case PlatformKind:
        fund.name = (national ? QStringLiteral("China") : en) + QStringLiteral(" ") + themeEn
            + QStringLiteral(" Investment Platform Co., Ltd.");
        fund.nameZh = (national ? QStringLiteral("中国") : zh) + themeZh + QStringLiteral("投资平台有限公司");
        break;
    case BankKind:
        fund.name
            = (national ? QStringLiteral("China Development Bank") : QString(QStringLiteral("Bank of ") + en))
            + QStringLiteral(" ") + themeEn + QStringLiteral(" Credit Programme");
        fund.nameZh = (national ? QStringLiteral("国家开发银行") : QString(zh + QStringLiteral("银行")))
            + themeZh + QStringLiteral("专项信贷计划");
        break;
    case SoeKind:
        fund.name = (national ? QStringLiteral("China") : en) + QStringLiteral(" State-owned Capital ")
            + themeEn + QStringLiteral(" Investment Group");
        fund.nameZh = (national ? QStringLiteral("中国") : zh) + QStringLiteral("国有资本") + themeZh
            + QStringLiteral("投资集团");
        break;
    default:
        switch (fund.level) {
        case National:
        case Provincial:
            fund.name = en + QStringLiteral(" ") + themeEn + QStringLiteral(" Industry Investment Fund");
            fund.nameZh = zh + themeZh + QStringLiteral("产业投资基金");
            break;
        case Municipal:
            fund.name = en + QStringLiteral(" ") + themeEn + QStringLiteral(" Industry Fund");
            fund.nameZh = zh + themeZh + QStringLiteral("产业基金");
            break;
        default:
            fund.name = en + QStringLiteral(" ") + themeEn + QStringLiteral(" Venture Fund");
            fund.nameZh = zh + themeZh + QStringLiteral("创业投资基金");
            break;
        }
    }
}

void Run::makeFunds()
{
    const Vocabulary &v = m_vocabulary;
    const int totalPhases = m_spec.phases;
    const int bigFunds = totalPhases >= 3 ? std::clamp(totalPhases / 400, 1, 5) : 0;
    const int subFundCap = m_spec.investees / 5;
    std::vector<int> fundsAtLevel[4]; // kind 'fund' only: the possible parents
    QSet<QString> names;
    const double levelWeights[] = { 3, 25, 42, 30 };
    const double kindWeights[] = { 72, 12, 6, 10 };
    const double phaseCountWeights[] = { 88, 12 };
    const double startPrecision[] = { 60, 25, 10, 5 };
    const double basisWeights[] = { 50, 30, 20 };
    const char *const bases[] = { "registered capital", "target size", nullptr };

    int remaining = totalPhases;
    for (int i = 0; remaining > 0; ++i) {
        Fund fund;
        const int tail = i - bigFunds; // position among the ordinary funds
        const bool big = i < bigFunds;
        // The first ordinary funds walk every level, the next every kind, so that each appears.
        fund.big = big;
        if (big) {
            fund.level = National;
            fund.kind = FundKind;
        } else if (tail < 4) {
            fund.level = tail;
            fund.kind = FundKind;
        } else if (tail < 8) {
            fund.level = m_rng.pick(levelWeights);
            fund.kind = tail - 4;
        } else {
            fund.level = m_rng.pick(levelWeights);
            fund.kind = m_rng.pick(kindWeights);
        }
        if (fund.level == National && v.beijing >= 0 && (big || m_rng.chance(0.75)))
            fund.province = v.beijing;
        else
            fund.province = m_rng.pickCumulative(v.provinceCumulative);
        const std::vector<int> &cities = v.provinces[std::size_t(fund.province)].cities;
        if (!cities.empty()) {
            fund.city = fund.level <= Provincial ? cities.front()
                                                 : cities[std::size_t(m_rng.below(qint64(cities.size())))];
        }

        // Fund-of-funds: a local fund set up under a bigger one, capped so investees stay mostly companies.
        if (!big && tail >= 8 && fund.level != National && fund.kind == FundKind
            && m_counts.fundOfFundsLinks < subFundCap
            && (m_counts.fundOfFundsLinks == 0 || m_rng.chance(0.2))) {
            std::vector<int> pool;
            for (int level = std::max(0, fund.level - 2); level < fund.level; ++level) {
                if (!fundsAtLevel[level].empty())
                    pool.push_back(level);
            }
            if (!pool.empty()) {
                const std::vector<int> &parents
                    = fundsAtLevel[pool[std::size_t(m_rng.below(qint64(pool.size())))]];
                const qint64 span = m_rng.chance(0.5) ? std::min<qint64>(5, qint64(parents.size()))
                                                      : qint64(parents.size());
                fund.parent = parents[std::size_t(m_rng.below(span))];
                ++m_counts.fundOfFundsLinks;
            }
        }

        nameFund(
            fund, big ? i % int(std::size(FundThemes)) : int(m_rng.below(qint64(std::size(FundThemes)))));
        makeUnique(names, fund.name, fund.nameZh);
        if (m_rng.chance(0.4)) {
            const Words &a = Syllables[m_rng.below(SyllableCount)];
            const Words &b = Syllables[m_rng.below(SyllableCount)];
            fund.manager = pinyinWord(a, b) + QStringLiteral(" Capital Management Co., Ltd.");
        }
        if (m_rng.chance(0.05))
            fund.notes = QString::fromUtf8(FundNotes[m_rng.below(qint64(std::size(FundNotes)))]);
        fund.url = QStringLiteral("https://registry.example.org/funds/%1").arg(i + 1);
        fund.weight = LevelWeightFactor[fund.level] / std::pow(double(i + 1), 1.1);

        // Phases: three for the huge funds, one or two for the rest.
        fund.firstPhase = int(m_phases.size());
        fund.phaseCount = std::min(remaining, big ? 3 : 1 + m_rng.pick(phaseCountWeights));
        remaining -= fund.phaseCount;
        int year = big ? FirstYear + int(m_rng.between(0, 4))
                       : FirstYear + int(16.0 * std::pow(m_rng.uniform(), 0.6));
        for (int p = 0; p < fund.phaseCount; ++p) {
            Phase phase;
            phase.fund = i;
            phase.label = QStringLiteral("Phase ") + QLatin1String(Roman[p % 10]);
            phase.startYear = std::min(year, LastYear);
            phase.start = dateString(m_rng, phase.startYear, startPrecision);
            if (big) {
                phase.capitalMinor = m_rng.between(100, 350) * 1000000000LL * 100;
            } else if (m_rng.chance(0.9)) {
                const double cny
                    = m_rng.logNormal(std::log(2.0e9 * LevelWeightFactor[fund.level] / 1.5), 1.0);
                phase.capitalMinor
                    = roundSignificant(std::clamp<qint64>(qint64(cny), 1000000, 500000000000LL), 3) * 100;
            }
            if (phase.capitalMinor)
                phase.basis = bases[m_rng.pick(basisWeights)];
            phase.url = fund.url + QStringLiteral("/phase-%1").arg(p + 1);
            m_phases.push_back(phase);
            year += big ? 5 : int(m_rng.between(3, 6));
        }
        if (fund.kind == FundKind)
            fundsAtLevel[fund.level].push_back(i);
        m_funds.push_back(fund);
    }
    for (Phase &phase : m_phases) {
        phase.fundUtf8 = m_funds[std::size_t(phase.fund)].name.toUtf8();
        phase.labelUtf8 = phase.label.toUtf8();
    }
}

void Run::nameCompany(Investee &investee)
{
    const Vocabulary &v = m_vocabulary;
    const Words *words
        = investee.segment >= 0 ? v.segments[std::size_t(investee.segment)].words : GenericIndustry;
    if (investee.segment < 0 && investee.sector >= 0) {
        for (const IndustryWords &industry : Industries) {
            if (!industry.segment
                && v.sectors[std::size_t(investee.sector)].name == QLatin1String(industry.sector))
                words = industry.words;
        }
    }
    const Words &industry = words[m_rng.below(2)];
    if (investee.country >= 0) {
        const Country &country = v.abroad[std::size_t(investee.country)];
        investee.name = QString::fromUtf8(LatinHeads[m_rng.below(qint64(std::size(LatinHeads)))])
            + QString::fromUtf8(LatinTails[m_rng.below(qint64(std::size(LatinTails)))]) + QStringLiteral(" ")
            + QString::fromUtf8(industry.en) + QStringLiteral(" ") + QString::fromUtf8(country.place->suffix);
        investee.nameZh.clear();
    } else {
        const Words &a = Syllables[m_rng.below(SyllableCount)];
        const Words &b = Syllables[m_rng.below(SyllableCount)];
        int suffixIndex = int(m_rng.below(qint64(std::size(CompanySuffixes))));
        if (suffixIndex == 2
            && (QByteArray(industry.en).contains("Tech") || QByteArray(industry.zh).endsWith("科技")))
            suffixIndex = 0; // not "Technology Technology Ltd."
        const Words &suffix = CompanySuffixes[suffixIndex];
        QString en = pinyinWord(a, b) + QStringLiteral(" ") + QString::fromUtf8(industry.en);
        QString zh = QString::fromUtf8(a.zh) + QString::fromUtf8(b.zh) + QString::fromUtf8(industry.zh);
        if (investee.city >= 0 && m_rng.chance(0.3)) {
            const City &city = v.cities[std::size_t(investee.city)];
            en += QStringLiteral(" (") + city.name + QStringLiteral(")");
            zh += QStringLiteral("（") + city.nameZh + QStringLiteral("）");
        }
        investee.name = en + QStringLiteral(" ") + QString::fromUtf8(suffix.en);
        investee.nameZh = zh + QString::fromUtf8(suffix.zh);
    }
}

void Run::makeInvestees()
{
    const Vocabulary &v = m_vocabulary;
    const int subFunds = m_counts.fundOfFundsLinks;
    m_companyCount = m_spec.investees - subFunds;
    m_investees.reserve(std::size_t(m_spec.investees));

    // Fund investees' names are the funds' names: reserve them before any company is named.
    for (const Fund &fund : m_funds) {
        if (fund.parent >= 0)
            m_investeeNames.insert(fund.name);
    }

    std::vector<double> sectorCumulative;
    double total = 0;
    for (const Sector &sector : v.sectors)
        sectorCumulative.push_back(total += sector.weight);
    std::vector<double> abroadCumulative;
    total = 0;
    for (const Country &country : v.abroad)
        abroadCumulative.push_back(total += country.place->weight);
    const double foundedPrecision[] = { 30, 5, 55, 10 };
    const int provinceCount = int(v.provinces.size());
    const int segmentCount = int(v.segments.size());

    for (int j = 0; j < m_companyCount; ++j) {
        Investee investee;
        // The first companies walk every segment and every province once, so that every
        // dataset covers the whole vocabulary; the rest are drawn by weight.
        if (j < segmentCount) {
            investee.segment = j;
            investee.sector = v.segments[std::size_t(j)].sector;
        } else if (!m_rng.chance(0.01)) {
            investee.sector = m_rng.pickCumulative(sectorCumulative);
            const std::vector<int> &segments = v.sectors[std::size_t(investee.sector)].segments;
            if (!segments.empty() && !m_rng.chance(0.03))
                investee.segment = segments[std::size_t(m_rng.below(qint64(segments.size())))];
        }
        if (j < provinceCount)
            investee.province = j;
        else if (!v.abroad.empty() && m_rng.chance(0.04))
            investee.country = m_rng.pickCumulative(abroadCumulative);
        else
            investee.province = m_rng.pickCumulative(v.provinceCumulative);
        if (investee.province >= 0) {
            const std::vector<int> &cities = v.provinces[std::size_t(investee.province)].cities;
            if (!cities.empty() && m_rng.chance(0.85))
                investee.city = cities[std::size_t(m_rng.below(qint64(cities.size())))];
        } else {
            investee.city = v.abroad[std::size_t(investee.country)].cityIndex;
        }

        for (int attempt = 0; attempt < 3; ++attempt) {
            nameCompany(investee);
            if (!m_investeeNames.contains(investee.name))
                break;
        }
        makeUnique(m_investeeNames, investee.name, investee.nameZh);

        if (investee.country < 0 && m_rng.chance(0.15)) {
            const bool hongKong
                = v.provinces[std::size_t(investee.province)].name == QLatin1String("Hong Kong");
            const int board = hongKong ? 3 : int(m_rng.below(4));
            const qint64 number = m_rng.below(1000);
            switch (board) {
            case 0:
                investee.ticker = QStringLiteral("688%1.SH").arg(number, 3, 10, QLatin1Char('0'));
                break;
            case 1:
                investee.ticker = QStringLiteral("300%1.SZ").arg(number, 3, 10, QLatin1Char('0'));
                break;
            case 2:
                investee.ticker = QStringLiteral("002%1.SZ").arg(number, 3, 10, QLatin1Char('0'));
                break;
            default:
                investee.ticker = QStringLiteral("0%1.HK").arg(m_rng.below(10000), 4, 10, QLatin1Char('0'));
            }
        } else if (investee.country >= 0 && m_rng.chance(0.3)) {
            for (int k = 0; k < 4; ++k)
                investee.ticker += QChar(char16_t(u'A' + m_rng.below(26)));
        }
        const int foundedYear = 2024 - int(35.0 * std::pow(m_rng.uniform(), 1.8));
        investee.founded = dateString(m_rng, foundedYear, foundedPrecision);
        if (m_rng.chance(0.02))
            investee.notes = QString::fromUtf8(CompanyNotes[m_rng.below(qint64(std::size(CompanyNotes)))]);
        investee.url = QStringLiteral("https://companies.example.org/c/%1").arg(j + 1);
        m_investees.push_back(investee);
    }
    for (int i = 0; i < int(m_funds.size()); ++i) {
        const Fund &fund = m_funds[std::size_t(i)];
        if (fund.parent < 0)
            continue;
        Investee investee;
        investee.fund = i;
        investee.name = fund.name;
        investee.nameZh = fund.nameZh;
        investee.province = fund.province;
        investee.city = fund.city;
        investee.url = fund.url;
        m_investees.push_back(investee);
    }
    for (Investee &investee : m_investees)
        investee.nameUtf8 = investee.name.toUtf8();
}

bool Run::openCsv(const QString &csvDir)
{
    if (csvDir.isEmpty())
        return true;
    m_csv = true;
    const QDir dir(csvDir);
    auto open = [&](CsvFile &out, int kind) {
        QString error;
        return out.open(dir.filePath(InterchangeColumns::kindName(kind) + QStringLiteral(".csv")),
                   InterchangeColumns::headerLine(kind), &error)
            || fail(error);
    };
    return open(m_fundsCsv, InterchangeColumns::Funds) && open(m_phasesCsv, InterchangeColumns::Phases)
        && open(m_investeesCsv, InterchangeColumns::Investees)
        && open(m_disbursementsCsv, InterchangeColumns::Disbursements)
        && open(m_ratesCsv, InterchangeColumns::ExchangeRates);
}

bool Run::insertFunds()
{
    sqlite3_stmt *insert = prepare(
        "INSERT INTO funds(id, name, name_zh, kind, level, country_id, province_id, city_id, parent_fund_id,"
        " manager, notes, source_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return false;
    const Vocabulary &v = m_vocabulary;
    for (int i = 0; i < int(m_funds.size()); ++i) {
        const Fund &fund = m_funds[std::size_t(i)];
        sqlite3_bind_int(insert, 1, i + 1);
        bindText(insert, 2, fund.name);
        bindText(insert, 3, fund.nameZh);
        sqlite3_bind_text(insert, 4, Kinds[fund.kind], -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 5, Levels[fund.level], -1, SQLITE_STATIC);
        sqlite3_bind_int(insert, 6, v.chinaId);
        bindOptionalInt(insert, 7, provinceId(fund.province));
        bindOptionalInt(insert, 8, regionIdOfCity(fund.city));
        bindOptionalInt(insert, 9, fund.parent < 0 ? -1 : fund.parent + 1);
        bindText(insert, 10, fund.manager);
        bindText(insert, 11, fund.notes);
        bindText(insert, 12, fund.url);
        if (!step(insert, QStringLiteral("funds row %1 (%2)").arg(i + 1).arg(fund.name)))
            return false;
        if (m_csv) {
            m_fundsCsv.field(fund.name);
            m_fundsCsv.field(fund.nameZh);
            m_fundsCsv.field(Kinds[fund.kind]);
            m_fundsCsv.field(Levels[fund.level]);
            m_fundsCsv.field(v.chinaName);
            m_fundsCsv.field(fund.province < 0 ? QString() : v.provinces[std::size_t(fund.province)].name);
            m_fundsCsv.field(fund.city < 0 ? QString() : v.cities[std::size_t(fund.city)].name);
            m_fundsCsv.field(fund.parent < 0 ? QString() : m_funds[std::size_t(fund.parent)].name);
            m_fundsCsv.field(fund.manager);
            m_fundsCsv.field(fund.notes);
            m_fundsCsv.field(fund.url);
            m_fundsCsv.endRow();
        }
    }
    m_counts.funds = int(m_funds.size());
    return true;
}

bool Run::insertPhases()
{
    sqlite3_stmt *insert = prepare("INSERT INTO phases(id, fund_id, label, start_date, capital_minor, "
                                   "currency, capital_basis, source_url)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return false;
    const int cnyDigits = m_vocabulary.minorDigits.value(QStringLiteral("CNY"));
    for (int i = 0; i < int(m_phases.size()); ++i) {
        const Phase &phase = m_phases[std::size_t(i)];
        sqlite3_bind_int(insert, 1, i + 1);
        sqlite3_bind_int(insert, 2, phase.fund + 1);
        bindText(insert, 3, phase.label);
        bindText(insert, 4, phase.start);
        if (phase.capitalMinor) {
            sqlite3_bind_int64(insert, 5, phase.capitalMinor);
            sqlite3_bind_text(insert, 6, "CNY", 3, SQLITE_STATIC);
        } else {
            sqlite3_bind_null(insert, 5);
            sqlite3_bind_null(insert, 6);
        }
        if (phase.basis)
            sqlite3_bind_text(insert, 7, phase.basis, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(insert, 7);
        bindText(insert, 8, phase.url);
        if (!step(insert, QStringLiteral("phases row %1").arg(i + 1)))
            return false;
        if (m_csv) {
            m_phasesCsv.field(phase.fundUtf8);
            m_phasesCsv.field(phase.labelUtf8);
            m_phasesCsv.field(phase.start);
            m_phasesCsv.field(phase.capitalMinor ? majorUnits(phase.capitalMinor, cnyDigits) : QByteArray());
            m_phasesCsv.field(phase.capitalMinor ? "CNY" : "");
            m_phasesCsv.field(phase.basis ? phase.basis : "");
            m_phasesCsv.field(phase.url);
            m_phasesCsv.endRow();
        }
    }
    m_counts.phases = int(m_phases.size());
    return true;
}

bool Run::insertInvestees()
{
    sqlite3_stmt *insert = prepare(
        "INSERT INTO investees(id, name, name_zh, kind, fund_id, sector_id, segment_id, country_id, "
        "province_id,"
        " city_id, ticker, founded, notes, source_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return false;
    const Vocabulary &v = m_vocabulary;
    for (int i = 0; i < int(m_investees.size()); ++i) {
        const Investee &investee = m_investees[std::size_t(i)];
        const bool isFund = investee.fund >= 0;
        const Country *country = investee.country >= 0 ? &v.abroad[std::size_t(investee.country)] : nullptr;
        sqlite3_bind_int(insert, 1, i + 1);
        bindText(insert, 2, investee.name);
        bindText(insert, 3, investee.nameZh);
        sqlite3_bind_text(insert, 4, isFund ? "fund" : "company", -1, SQLITE_STATIC);
        bindOptionalInt(insert, 5, isFund ? investee.fund + 1 : -1);
        bindOptionalInt(insert, 6, investee.sector < 0 ? -1 : v.sectors[std::size_t(investee.sector)].id);
        bindOptionalInt(insert, 7, investee.segment < 0 ? -1 : v.segments[std::size_t(investee.segment)].id);
        sqlite3_bind_int(insert, 8, country ? country->id : v.chinaId);
        bindOptionalInt(insert, 9, provinceId(investee.province));
        bindOptionalInt(insert, 10, regionIdOfCity(investee.city));
        bindText(insert, 11, investee.ticker);
        bindText(insert, 12, investee.founded);
        bindText(insert, 13, investee.notes);
        bindText(insert, 14, investee.url);
        if (!step(insert, QStringLiteral("investees row %1 (%2)").arg(i + 1).arg(investee.name)))
            return false;
        if (m_csv) {
            m_investeesCsv.field(investee.nameUtf8);
            m_investeesCsv.field(investee.nameZh);
            m_investeesCsv.field(isFund ? "fund" : "company");
            m_investeesCsv.field(
                investee.sector < 0 ? QString() : v.sectors[std::size_t(investee.sector)].name);
            m_investeesCsv.field(
                investee.segment < 0 ? QString() : v.segments[std::size_t(investee.segment)].name);
            m_investeesCsv.field(country ? country->name : v.chinaName);
            m_investeesCsv.field(
                investee.province < 0 ? QString() : v.provinces[std::size_t(investee.province)].name);
            m_investeesCsv.field(investee.city < 0 ? QString() : v.cities[std::size_t(investee.city)].name);
            m_investeesCsv.field(investee.ticker);
            m_investeesCsv.field(investee.founded);
            m_investeesCsv.field(investee.notes);
            m_investeesCsv.field(investee.url);
            m_investeesCsv.endRow();
        }
    }
    m_counts.investees = int(m_investees.size());
    return true;
}

bool Run::insertExchangeRates()
{
    sqlite3_stmt *insert
        = prepare("INSERT INTO exchange_rates(currency, year, cny_per_unit, source) VALUES (?, ?, ?, ?)");
    if (!insert)
        return false;
    for (const Rate &rate : ExchangeRates) {
        sqlite3_bind_text(insert, 1, rate.currency, 3, SQLITE_STATIC);
        sqlite3_bind_int(insert, 2, rate.year);
        sqlite3_bind_double(insert, 3, rate.cnyPerUnit);
        sqlite3_bind_text(insert, 4, RateSource, -1, SQLITE_STATIC);
        if (!step(insert,
                QStringLiteral("exchange_rates %1 %2").arg(QLatin1String(rate.currency)).arg(rate.year)))
            return false;
        if (m_csv) {
            m_ratesCsv.field(rate.currency);
            m_ratesCsv.field(QByteArray::number(rate.year));
            m_ratesCsv.field(decimal(rate.cnyPerUnit, 4));
            m_ratesCsv.field(RateSource);
            m_ratesCsv.endRow();
        }
        ++m_counts.exchangeRates;
    }
    return true;
}

bool Run::insertDisbursements()
{
    // Rows go in BatchRows at a time through one multi-row INSERT: the schema's CHECK (x IN (...))
    // constraints build an ephemeral table once per statement execution, which row-by-row costs
    // more than the insert itself. The remainder goes through the single-row statement.
    constexpr int BatchRows = 100;
    constexpr int Columns = 12;
    const QByteArray head
        = "INSERT INTO disbursements(id, phase_id, investee_id, value_date, type, amount_minor,"
          " currency, stake_pct, status, confidence, source_url, notes) VALUES ";
    const QByteArray tuple = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    QByteArray batchSql = head + tuple;
    for (int r = 1; r < BatchRows; ++r)
        batchSql += ", " + tuple;
    sqlite3_stmt *batch = prepare(batchSql.constData());
    sqlite3_stmt *single = prepare(QByteArray(head + tuple).constData());
    if (!batch || !single)
        return false;
    const qint64 batchedRows = m_spec.disbursements / BatchRows * BatchRows;
    const Vocabulary &v = m_vocabulary;

    std::vector<double> phaseCumulative;
    phaseCumulative.reserve(m_phases.size());
    double total = 0;
    for (const Phase &phase : m_phases) {
        const Fund &fund = m_funds[std::size_t(phase.fund)];
        const double share
            = fund.big ? (phase.label == QLatin1String("Phase II") ? 0.4 : 0.3) : 1.0 / fund.phaseCount;
        phaseCumulative.push_back(total += fund.weight * share);
    }
    // Popularity of companies: log-normal, so a few receive many disbursements; by province too,
    // because local funds mostly invest at home.
    std::vector<double> companyCumulative;
    std::vector<std::vector<int>> provinceCompanies(v.provinces.size());
    std::vector<std::vector<double>> provinceCumulative(v.provinces.size());
    total = 0;
    for (int j = 0; j < m_companyCount; ++j) {
        const double weight = m_rng.logNormal(0.0, 1.3);
        companyCumulative.push_back(total += weight);
        const int province = m_investees[std::size_t(j)].province;
        if (province >= 0) {
            std::vector<double> &cumulative = provinceCumulative[std::size_t(province)];
            cumulative.push_back((cumulative.empty() ? 0.0 : cumulative.back()) + weight);
            provinceCompanies[std::size_t(province)].push_back(j);
        }
    }
    const int subFunds = int(m_investees.size()) - m_companyCount;
    const int hongKong = [&] {
        for (int p = 0; p < int(v.provinces.size()); ++p) {
            if (v.provinces[std::size_t(p)].name == QLatin1String("Hong Kong"))
                return p;
        }
        return -1;
    }();
    int digits[std::size(Currencies)];
    qint64 unit[std::size(Currencies)];
    for (std::size_t c = 0; c < std::size(Currencies); ++c) {
        digits[c] = v.minorDigits.value(QLatin1String(Currencies[c]));
        unit[c] = 1;
        for (int d = 0; d < digits[c]; ++d)
            unit[c] *= 10;
    }
    const double datePrecision[] = { 70, 20, 8, 2 };
    const qint64 investeeCount = qint64(m_investees.size());

    auto draw = [&](qint64 i, char *date) {
        Draw row;
        int &investee = row.investee;
        int &phase = row.phase;
        phase = -1; // drawn below, from the investee's needs
        if (i < investeeCount) {
            investee = int(i); // every investee gets at least one disbursement
        } else if (subFunds > 0 && m_rng.chance(0.03)) {
            investee = m_companyCount + int(m_rng.below(subFunds));
        } else {
            phase = m_rng.pickCumulative(phaseCumulative);
            const Fund &fund = m_funds[std::size_t(m_phases[std::size_t(phase)].fund)];
            const std::size_t province = std::size_t(fund.province);
            if (fund.level != National && !provinceCompanies[province].empty() && m_rng.chance(0.6))
                investee = provinceCompanies[province]
                                            [std::size_t(m_rng.pickCumulative(provinceCumulative[province]))];
            else
                investee = m_rng.pickCumulative(companyCumulative);
        }
        const Investee &target = m_investees[std::size_t(investee)];
        const bool fundOfFunds = target.fund >= 0;
        if (fundOfFunds) {
            const Fund &parent = m_funds[std::size_t(m_funds[std::size_t(target.fund)].parent)];
            phase = parent.firstPhase + int(m_rng.below(parent.phaseCount));
        } else if (phase < 0) {
            phase = m_rng.pickCumulative(phaseCumulative);
        }
        const Phase &source = m_phases[std::size_t(phase)];
        const Fund &fund = m_funds[std::size_t(source.fund)];

        row.year = int(m_rng.between(source.startYear, std::min(LastYear, source.startYear + 12)));
        row.dateLength = makeDate(m_rng, row.year, datePrecision, date);
        const int type = row.type
            = fundOfFunds ? m_rng.pick(FundOfFundsTypeWeights) : m_rng.pick(TypeWeights);
        row.status = type == Commitment ? m_rng.pick(CommitmentStatusWeights) : m_rng.pick(StatusWeights);
        row.confidence = m_rng.pick(ConfidenceWeights);

        int &currency = row.currency;
        if (!m_rng.chance(0.08)) {
            if (target.country >= 0)
                currency = v.abroad[std::size_t(target.country)].place->euro
                    ? m_rng.pick(AbroadEuroCurrencyWeights)
                    : m_rng.pick(AbroadCurrencyWeights);
            else if (target.province == hongKong)
                currency = m_rng.pick(HongKongCurrencyWeights);
            else
                currency = m_rng.pick(MainlandCurrencyWeights);
            double cny = m_rng.logNormal(std::log(LevelMedianCny[fund.level]) + TypeAmountShift[type], 1.4);
            if (fundOfFunds)
                cny *= 3;
            const double major = std::clamp(cny, 2.0e4, 8.0e10) / RoughCnyPerUnit[currency];
            if (m_rng.chance(0.85))
                row.amountMinor = roundSignificant(qint64(major), 3) * unit[currency];
            else
                row.amountMinor = std::max<qint64>(1, std::llround(major * double(unit[currency])));
        }
        if (((type == EquityPurchase || type == EquitySale) && m_rng.chance(0.55))
            || (fundOfFunds && type == Commitment && m_rng.chance(0.3))) {
            row.stake = std::round(std::min(m_rng.logNormal(std::log(3.0), 1.0), 60.0) * 100.0) / 100.0;
        }
        return row;
    };
    DrawnKeys seen(m_spec.disbursements);

    // Text is bound SQLITE_STATIC, so each row of a batch keeps its own buffers until the step.
    char dates[BatchRows][16];
    char urls[BatchRows][160];
    for (qint64 i = 0; i < m_spec.disbursements; ++i) {
        const int slot = int(i % BatchRows);
        char *date = dates[slot];
        char *url = urls[slot];
        // The interchange importer refuses two rows with the same fund, phase, investee, date,
        // type, amount and currency, so such a draw is drawn again.
        Draw row;
        for (int attempt = 0;; ++attempt) {
            row = draw(i, date);
            if (seen.insert(row.key(date)))
                break;
            if (attempt == 1000)
                return fail(QStringLiteral("%1: disbursements row %2: no distinct row found; the dataset is "
                                           "too dense (more investees or phases needed)")
                                .arg(m_db.path())
                                .arg(i + 1));
        }
        const int investee = row.investee;
        const int phase = row.phase;
        const int year = row.year;
        const int dateLength = row.dateLength;
        const int type = row.type;
        const int status = row.status;
        const int confidence = row.confidence;
        const int currency = row.currency;
        const qint64 amountMinor = row.amountMinor;
        const double stake = row.stake;
        const Investee &target = m_investees[std::size_t(investee)];
        const Phase &source = m_phases[std::size_t(phase)];
        int urlLength = std::snprintf(url, 80, "https://news.example.org/%d/%016llx.html",
            dateLength ? year : 2020, static_cast<unsigned long long>(m_rng.next()));
        if (m_rng.chance(0.06))
            urlLength += std::snprintf(url + urlLength, 80, " | https://filings.example.org/%016llx",
                static_cast<unsigned long long>(m_rng.next()));
        const char *note = nullptr;
        if (m_rng.chance(0.04))
            note = m_rng.chance(0.0125)
                ? MultiLineNote
                : DisbursementNotes[m_rng.below(qint64(std::size(DisbursementNotes)))];

        const bool batched = i < batchedRows;
        sqlite3_stmt *insert = batched ? batch : single;
        const int base = batched ? slot * Columns : 0;
        sqlite3_bind_int64(insert, base + 1, i + 1);
        sqlite3_bind_int(insert, base + 2, phase + 1);
        sqlite3_bind_int(insert, base + 3, investee + 1);
        if (dateLength)
            sqlite3_bind_text(insert, base + 4, date, dateLength, SQLITE_STATIC);
        else
            sqlite3_bind_null(insert, base + 4);
        sqlite3_bind_text(insert, base + 5, Types[type], -1, SQLITE_STATIC);
        if (currency >= 0) {
            sqlite3_bind_int64(insert, base + 6, amountMinor);
            sqlite3_bind_text(insert, base + 7, Currencies[currency], 3, SQLITE_STATIC);
        } else {
            sqlite3_bind_null(insert, base + 6);
            sqlite3_bind_null(insert, base + 7);
        }
        if (stake >= 0)
            sqlite3_bind_double(insert, base + 8, stake);
        else
            sqlite3_bind_null(insert, base + 8);
        sqlite3_bind_text(insert, base + 9, Statuses[status], -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, base + 10, Confidences[confidence], -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, base + 11, url, urlLength, SQLITE_STATIC);
        if (note)
            sqlite3_bind_text(insert, base + 12, note, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(insert, base + 12);
        if (!batched || slot == BatchRows - 1) {
            const int rc = sqlite3_step(insert);
            sqlite3_reset(insert);
            if (rc != SQLITE_DONE)
                return sqlFail(batched
                        ? QStringLiteral("disbursements rows %1-%2").arg(i + 2 - BatchRows).arg(i + 1)
                        : QStringLiteral("disbursements row %1").arg(i + 1));
        }

        if (m_csv) {
            m_disbursementsCsv.field(source.fundUtf8);
            m_disbursementsCsv.field(source.labelUtf8);
            m_disbursementsCsv.field(target.nameUtf8);
            m_disbursementsCsv.field(QByteArrayView(date, dateLength));
            m_disbursementsCsv.field(Types[type]);
            m_disbursementsCsv.field(
                currency >= 0 ? majorUnits(amountMinor, digits[currency]) : QByteArray());
            m_disbursementsCsv.field(currency >= 0 ? Currencies[currency] : "");
            m_disbursementsCsv.field(stake >= 0 ? decimal(stake, 2) : QByteArray());
            m_disbursementsCsv.field(Statuses[status]);
            m_disbursementsCsv.field(Confidences[confidence]);
            m_disbursementsCsv.field(QByteArrayView(url, urlLength));
            m_disbursementsCsv.field(note ? note : "");
            m_disbursementsCsv.endRow();
        }
    }
    m_counts.disbursements = m_spec.disbursements;
    return true;
}

bool Run::execute(const QString &dbPath, const QString &csvDir)
{
    const Database::Status status = m_db.open(dbPath, Database::OpenMode::CreateNew);
    if (status != Database::Status::Ok)
        return fail(m_db.errorString());
    m_handle = m_db.handle();
    if (!m_handle)
        return fail(QStringLiteral("%1: no SQLite handle behind the connection").arg(dbPath));

    // The file is new and is deleted on any failure, so durability during the fill buys nothing:
    // a rollback journal writes each new page once where WAL writes it twice (WAL is switched
    // back on at the end). Foreign keys are off for the fill: every id the generator writes
    // points at a row it wrote before, by construction, and checking a million rows' three
    // references costs more than the rest of the insert. The small tables are checked after the
    // commit; the test checks everything. The default page cache is kept on purpose: a large one
    // made the index builds two to three times slower here (allocation and page faults).
    if (!exec("PRAGMA journal_mode = DELETE") || !exec("PRAGMA synchronous = OFF")
        || !exec("PRAGMA foreign_keys = OFF"))
        return false;
    if (!readVocabulary())
        return false;
    makeFunds();
    makeInvestees();
    if (!openCsv(csvDir))
        return false;

    Transaction transaction(m_db);
    if (!transaction.isActive())
        return fail(m_db.errorString());
    if (!insertFunds() || !insertPhases() || !insertInvestees() || !insertExchangeRates())
        return false;

    // Building the disbursement indexes once after the bulk insert is several times faster than
    // maintaining them row by row; their definitions come from the schema itself.
    std::vector<QByteArray> indexNames;
    std::vector<QByteArray> indexSql;
    sqlite3_stmt *indexes = prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                    " AND tbl_name = 'disbursements' AND sql IS NOT NULL ORDER BY name");
    if (!indexes)
        return false;
    while (sqlite3_step(indexes) == SQLITE_ROW) {
        indexNames.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(indexes, 0)));
        indexSql.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(indexes, 1)));
    }
    sqlite3_reset(indexes);
    for (const QByteArray &name : indexNames) {
        if (!exec(QByteArray("DROP INDEX \"" + name + '"').constData()))
            return false;
    }
    if (!insertDisbursements())
        return false;
    for (const QByteArray &sql : indexSql) {
        if (!exec(sql.constData()))
            return false;
    }
    if (!transaction.commit())
        return fail(m_db.errorString());

    if (!exec("PRAGMA foreign_keys = ON"))
        return false;
    for (const char *check : { "PRAGMA foreign_key_check(funds)", "PRAGMA foreign_key_check(phases)",
             "PRAGMA foreign_key_check(investees)" }) {
        sqlite3_stmt *statement = prepare(check);
        if (!statement)
            return false;
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_ROW)
            return fail(QStringLiteral("%1: %2 row %3 points at a missing %4 row")
                            .arg(m_db.path(), columnText(statement, 0))
                            .arg(sqlite3_column_int64(statement, 1))
                            .arg(columnText(statement, 2)));
        if (rc != SQLITE_DONE)
            return sqlFail(QString::fromUtf8(check));
    }
    if (!exec("ANALYZE") || !exec("PRAGMA journal_mode = WAL"))
        return false;
    for (sqlite3_stmt *statement : m_statements)
        sqlite3_finalize(statement);
    m_statements.clear();
    m_db.close();
    m_handle = nullptr;

    if (m_csv) {
        for (CsvFile *out :
            { &m_fundsCsv, &m_phasesCsv, &m_investeesCsv, &m_disbursementsCsv, &m_ratesCsv }) {
            QString error;
            if (!out->close(&error))
                return fail(error);
        }
    }
    return true;
}

} // namespace

// ---------------------------------------------------------------------------------------------

DatasetGenerator::DatasetGenerator(const Spec &spec)
    : m_spec(spec)
{
}

DatasetGenerator::~DatasetGenerator() = default;

QString DatasetGenerator::checkSpec(const Spec &spec)
{
    if (spec.disbursements < 0 || spec.disbursements > 100000000)
        return QStringLiteral("--disbursements must be between 0 and 100000000");
    if (spec.investees < 1 || spec.investees > 10000000)
        return QStringLiteral("--investees must be between 1 and 10000000");
    if (spec.phases < 1 || spec.phases > 1000000)
        return QStringLiteral("--phases must be between 1 and 1000000");
    return QString();
}

QStringList DatasetGenerator::csvFileNames()
{
    QStringList names;
    for (int kind = 0; kind < InterchangeColumns::KindCount; ++kind)
        names.append(InterchangeColumns::kindName(kind) + QStringLiteral(".csv"));
    return names;
}

bool DatasetGenerator::generate(const QString &dbPath, const QString &csvDir)
{
    m_error.clear();
    m_counts = Counts();
    if (const QString problem = checkSpec(m_spec); !problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    if (QFileInfo::exists(dbPath)) {
        m_error = QStringLiteral("%1 already exists; refusing to overwrite it").arg(dbPath);
        return false;
    }
    QStringList csvPaths;
    if (!csvDir.isEmpty()) {
        if (!QDir().mkpath(csvDir)) {
            m_error = QStringLiteral("%1: the folder cannot be created").arg(csvDir);
            return false;
        }
        const QDir dir(csvDir);
        for (const QString &name : csvFileNames()) {
            const QString path = dir.filePath(name);
            if (QFileInfo::exists(path)) {
                m_error = QStringLiteral("%1 already exists; refusing to overwrite it").arg(path);
                return false;
            }
            csvPaths.append(path);
        }
    }

    bool ok = false;
    {
        Run run(m_spec, m_counts);
        ok = run.execute(dbPath, csvDir);
        if (!ok)
            m_error = run.errorString();
    }
    if (!ok) {
        for (const QString &suffix :
            { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
            QFile::remove(dbPath + suffix);
        for (const QString &path : csvPaths)
            QFile::remove(path);
        m_counts = Counts();
    }
    return ok;
}
