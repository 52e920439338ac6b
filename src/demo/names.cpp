#include "demo/names.h"

#include <array>

namespace lakeshore::demo::names {
namespace {

// clang-format off
constexpr std::string_view kFirstNames[] = {
    "Michael", "David", "James", "John", "Thomas", "Steven", "Mark", "Brian", "Kevin", "Gary",
    "Richard", "Daniel", "Joseph", "Christopher", "Matthew", "Jason", "Ryan", "Eric", "Scott", "Gregory",
    "Jeffrey", "Anthony", "Paul", "Raymond", "Frank", "Edward", "William", "Robert", "Ronald", "Douglas",
    "Gerald", "Lawrence", "Dennis", "Keith", "Todd", "Craig", "Derek", "Andre", "Marcus", "Luis",
    "Carlos", "Jose", "Rajesh", "Anil", "Wei", "Tyler", "Kyle", "Cody", "Nicholas", "Samuel",
    "Benjamin", "Adam", "Nathan", "Joshua", "Aaron", "Sean", "Patrick", "Terrence", "Karen", "Linda",
    "Lisa", "Susan", "Mary", "Patricia", "Donna", "Deborah", "Carol", "Sandra", "Julie", "Amy",
    "Jennifer", "Jessica", "Sarah", "Laura", "Michelle", "Kimberly", "Angela", "Heather", "Nicole", "Megan",
    "Rachel", "Emily", "Stephanie", "Tina", "Diane", "Denise", "Theresa", "Renee", "Monica", "Tamika",
    "Keisha", "Maria", "Rosa", "Ana", "Priya", "Mei", "Olga", "Elizabeth", "Kelly", "Erin",
    "Dana", "Brandon", "Justin", "Travis", "Darnell", "Jamal", "Victor", "Stanley", "Walter", "Carl",
};

constexpr std::string_view kSurnames[] = {
    "Kowalski", "Nowak", "Wisniewski", "Kaminski", "Lewandowski", "Zielinski", "Szymanski", "Wozniak",
    "Dabrowski", "Kozlowski", "Jankowski", "Mazur", "Krawczyk", "Novak", "Horvath", "Kovach",
    "Hudak", "Sabol", "Dudek", "Yurko", "Petrovic", "Schmidt", "Mueller", "Schneider",
    "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffman", "Schultz", "Koch",
    "Bauer", "Richter", "Klein", "Wolf", "Zimmerman", "Braun", "Kruger", "Hartmann",
    "Lange", "Werner", "Krause", "Lehman", "Kaiser", "Fuchs", "Stein", "Vogel",
    "Eckert", "Roth", "O'Brien", "Murphy", "Kelly", "Sullivan", "Walsh", "McCarthy",
    "Byrne", "Ryan", "O'Connor", "Doyle", "Gallagher", "Brennan", "Kennedy", "Flanagan",
    "Donnelly", "Callahan", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
    "Colombo", "Ricci", "Marino", "Greco", "DeLuca", "Costa", "Giordano", "Mancini",
    "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Rinaldi", "Smith", "Johnson",
    "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
    "Thomas", "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark",
    "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
    "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts",
    "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart",
    "Morris", "Reed", "Cook", "Morgan", "Bell", "Cooper", "Richardson", "Howard",
    "Ward", "Peterson", "Gray", "Hughes", "Price", "Myers", "Foster", "Sanders",
    "Ross", "Powell", "Jenkins", "Perry", "Russell", "Hayes", "Garcia", "Martinez",
    "Rodriguez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres",
    "Nguyen", "Patel", "Shah", "Chen", "Kim", "Lee", "Washington", "Brooks",
    "Hamilton", "Graham", "Wallace", "Sutter", "Yoder", "Stoltzfus", "Hostetler", "Lindqvist",
};

constexpr std::string_view kAdjectives[] = {
    "Allied", "Superior", "Quality", "Advanced", "Reliable", "Precision", "American", "National",
    "Continental", "Universal", "United", "Premier", "Standard", "General", "Consolidated", "Integrated",
    "Dynamic", "Modern", "Pioneer", "Apex", "Liberty", "Patriot", "Eagle", "Crown",
    "Atlas", "Titan", "Sterling", "Diamond", "Northern", "Central", "Midwest", "Great Lakes",
    "Heartland", "Tri-State", "Tri-County", "Interstate", "Lakeside", "Riverside", "Valley", "Keystone",
};

constexpr std::string_view kCoinedHeads[] = {
    "Accu", "Dura", "Preci", "Tru", "Flex", "Pro", "Ultra", "Metal", "Poly", "Omni",
    "Versa", "Max", "Spectra", "Ever", "Opti", "Nova", "Crest", "Tri", "Hydro", "Therm",
};

constexpr std::string_view kCoinedTails[] = {
    "form", "tek", "tech", "craft", "line", "matic", "flow", "weld", "cast", "mold", "fab", "tron", "dyne", "core",
};

struct WeightedWord
{
    std::string_view word;
    int weight;
};

constexpr std::array kSuffixes = {
    WeightedWord{"Inc.", 30}, WeightedWord{"LLC", 18}, WeightedWord{"Co.", 14},
    WeightedWord{"Corp.", 10}, WeightedWord{"Company", 5}, WeightedWord{"", 23},
};

constexpr std::string_view kStreetNames[] = {
    "Industrial", "Commerce", "Enterprise", "Progress", "Technology", "Corporate", "Harvard", "Miles",
    "Lakeside", "Canal", "River", "Railroad", "Mill", "Foundry", "Factory", "Center",
    "Highland", "Ridge", "Sycamore", "Maple", "Oak", "Lincoln", "Washington", "Jefferson",
    "Madison", "Main", "State", "Market", "Park", "Airport", "Depot", "Freeway",
    "Venture", "Distribution", "Innovation", "Quarry", "Steel", "Union", "Liberty", "Hamilton",
};

constexpr std::string_view kStreetTypes[] = {"Ave", "Rd", "Dr", "Pkwy", "St", "Blvd", "Ct", "Way", "Pike", "Ln"};

// clang-format on
} // namespace

std::span<const std::string_view> firstNames()
{
    return kFirstNames;
}
std::span<const std::string_view> surnames()
{
    return kSurnames;
}
std::span<const std::string_view> companyAdjectives()
{
    return kAdjectives;
}
std::span<const std::string_view> coinedHeads()
{
    return kCoinedHeads;
}
std::span<const std::string_view> coinedTails()
{
    return kCoinedTails;
}
std::span<const std::string_view> streetNames()
{
    return kStreetNames;
}
std::span<const std::string_view> streetTypes()
{
    return kStreetTypes;
}

std::string_view corporateSuffix(Rng &rng)
{
    std::array<int, kSuffixes.size()> weights{};
    for (std::size_t i = 0; i < kSuffixes.size(); ++i)
        weights[i] = kSuffixes[i].weight;
    return kSuffixes[rng.weighted(weights)].word;
}

std::string slug(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    }
    return out;
}

std::string emailLocalPart(std::string_view first, std::string_view last)
{
    return slug(first) + '.' + slug(last);
}

} // namespace lakeshore::demo::names
