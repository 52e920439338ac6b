#include "demo/worldgeo.h"

namespace lakeshore::demo::geo {
namespace {

// clang-format off
constexpr std::string_view kClePlaces[] = {"Cuyahoga", "Western Reserve", "Forest City", "Chagrin", "Erieview", "Flats"};
constexpr std::string_view kCleCounties[] = {"Cuyahoga", "Lake", "Lorain", "Medina", "Geauga"};
constexpr City kCleCities[] = {
    {"Cleveland", "OH", "216", "44102 44103 44104 44105 44109 44113 44114 44127 44128 44135"},
    {"Parma", "OH", "440", "44129 44134"},
    {"Euclid", "OH", "216", "44117 44123"},
    {"Solon", "OH", "440", "44139"},
    {"Strongsville", "OH", "440", "44136 44149"},
    {"Mentor", "OH", "440", "44060"},
    {"Westlake", "OH", "440", "44145"},
    {"Brook Park", "OH", "216", "44142"},
    {"Bedford Heights", "OH", "440", "44146"},
    {"Valley View", "OH", "216", "44125"},
    {"Independence", "OH", "216", "44131"},
    {"Berea", "OH", "440", "44017"},
    {"Willoughby", "OH", "440", "44094"},
    {"Eastlake", "OH", "440", "44095"},
    {"Elyria", "OH", "440", "44035"},
    {"Lorain", "OH", "440", "44052"},
    {"Medina", "OH", "330", "44256"},
    {"Twinsburg", "OH", "330", "44087"},
};

constexpr std::string_view kAkrPlaces[] = {"Summit", "Portage", "Rubber City", "Tuscarawas", "Stark", "Cuyahoga Valley"};
constexpr std::string_view kAkrCounties[] = {"Summit", "Stark", "Portage", "Wayne"};
constexpr City kAkrCities[] = {
    {"Akron", "OH", "330", "44301 44305 44306 44310 44311 44312 44314"},
    {"Barberton", "OH", "330", "44203"},
    {"Cuyahoga Falls", "OH", "330", "44221 44223"},
    {"Stow", "OH", "330", "44224"},
    {"Hudson", "OH", "330", "44236"},
    {"Kent", "OH", "330", "44240"},
    {"Canton", "OH", "330", "44702 44705 44707"},
    {"North Canton", "OH", "330", "44720"},
    {"Massillon", "OH", "330", "44646"},
    {"Wadsworth", "OH", "330", "44281"},
    {"Uniontown", "OH", "330", "44685"},
    {"Wooster", "OH", "330", "44691"},
};

constexpr std::string_view kYngPlaces[] = {"Mahoning", "Steel Valley", "Trumbull", "Shenango", "Mahoning Valley"};
constexpr std::string_view kYngCounties[] = {"Mahoning", "Trumbull", "Columbiana"};
constexpr City kYngCities[] = {
    {"Youngstown", "OH", "330", "44502 44505 44509 44510"},
    {"Boardman", "OH", "330", "44512"},
    {"Austintown", "OH", "330", "44515"},
    {"Warren", "OH", "330", "44481 44483 44485"},
    {"Niles", "OH", "330", "44446"},
    {"Girard", "OH", "330", "44420"},
    {"Struthers", "OH", "330", "44471"},
    {"Hubbard", "OH", "330", "44425"},
    {"Salem", "OH", "330", "44460"},
    {"Sharon", "PA", "724", "16146"},
    {"Hermitage", "PA", "724", "16148"},
};

constexpr std::string_view kColPlaces[] = {"Scioto", "Olentangy", "Buckeye", "Capital City", "Big Darby", "Alum Creek"};
constexpr std::string_view kColCounties[] = {"Franklin", "Delaware", "Licking", "Fairfield", "Union"};
constexpr City kColCities[] = {
    {"Columbus", "OH", "614", "43204 43207 43211 43219 43228 43232"},
    {"Grove City", "OH", "614", "43123"},
    {"Hilliard", "OH", "614", "43026"},
    {"Dublin", "OH", "614", "43016 43017"},
    {"Westerville", "OH", "614", "43081 43082"},
    {"Groveport", "OH", "614", "43125"},
    {"Reynoldsburg", "OH", "614", "43068"},
    {"Gahanna", "OH", "614", "43230"},
    {"Marysville", "OH", "937", "43040"},
    {"Delaware", "OH", "740", "43015"},
    {"Lancaster", "OH", "740", "43130"},
    {"Newark", "OH", "740", "43055"},
};

constexpr std::string_view kCinPlaces[] = {"Queen City", "Ohio River", "Mill Creek", "Tri-State", "Great Miami", "Little Miami"};
constexpr std::string_view kCinCounties[] = {"Hamilton", "Butler", "Warren", "Clermont"};
constexpr City kCinCities[] = {
    {"Cincinnati", "OH", "513", "45202 45204 45209 45212 45215 45216 45227 45232 45237 45246"},
    {"Sharonville", "OH", "513", "45241"},
    {"Blue Ash", "OH", "513", "45242"},
    {"Fairfield", "OH", "513", "45014"},
    {"Hamilton", "OH", "513", "45011 45013"},
    {"Mason", "OH", "513", "45040"},
    {"West Chester", "OH", "513", "45069"},
    {"Middletown", "OH", "513", "45044"},
    {"Lebanon", "OH", "513", "45036"},
    {"Florence", "KY", "859", "41042"},
    {"Covington", "KY", "859", "41011"},
    {"Erlanger", "KY", "859", "41018"},
};

constexpr std::string_view kDayPlaces[] = {"Miami Valley", "Gem City", "Mad River", "Stillwater", "Wright"};
constexpr std::string_view kDayCounties[] = {"Montgomery", "Greene", "Miami", "Clark"};
constexpr City kDayCities[] = {
    {"Dayton", "OH", "937", "45402 45403 45404 45414 45417"},
    {"Kettering", "OH", "937", "45420 45429"},
    {"Moraine", "OH", "937", "45439"},
    {"Vandalia", "OH", "937", "45377"},
    {"Huber Heights", "OH", "937", "45424"},
    {"Springfield", "OH", "937", "45502 45504 45505"},
    {"Troy", "OH", "937", "45373"},
    {"Piqua", "OH", "937", "45356"},
    {"Fairborn", "OH", "937", "45324"},
    {"Miamisburg", "OH", "937", "45342"},
    {"Xenia", "OH", "937", "45385"},
    {"Sidney", "OH", "937", "45365"},
};

constexpr std::string_view kTolPlaces[] = {"Maumee", "Glass City", "Black Swamp", "Maumee Valley", "Sandusky Bay"};
constexpr std::string_view kTolCounties[] = {"Lucas", "Wood", "Sandusky", "Hancock"};
constexpr City kTolCities[] = {
    {"Toledo", "OH", "419", "43605 43607 43609 43612 43615"},
    {"Maumee", "OH", "419", "43537"},
    {"Perrysburg", "OH", "419", "43551"},
    {"Rossford", "OH", "419", "43460"},
    {"Sylvania", "OH", "419", "43560"},
    {"Oregon", "OH", "419", "43616"},
    {"Bowling Green", "OH", "419", "43402"},
    {"Findlay", "OH", "419", "45840"},
    {"Fremont", "OH", "419", "43420"},
    {"Defiance", "OH", "419", "43512"},
    {"Napoleon", "OH", "419", "43545"},
    {"Monroe", "MI", "734", "48161"},
};

constexpr std::string_view kDetPlaces[] = {"Motor City", "Rouge", "Huron", "Wolverine", "Clinton River", "Renaissance"};
constexpr std::string_view kDetCounties[] = {"Wayne", "Oakland", "Macomb", "Washtenaw"};
constexpr City kDetCities[] = {
    {"Detroit", "MI", "313", "48201 48207 48209 48210 48211 48217"},
    {"Dearborn", "MI", "313", "48120 48126"},
    {"Warren", "MI", "586", "48089 48091 48092"},
    {"Sterling Heights", "MI", "586", "48310 48312"},
    {"Troy", "MI", "248", "48083 48084"},
    {"Livonia", "MI", "734", "48150 48152"},
    {"Auburn Hills", "MI", "248", "48326"},
    {"Pontiac", "MI", "248", "48340 48342"},
    {"Romulus", "MI", "734", "48174"},
    {"Taylor", "MI", "313", "48180"},
    {"Madison Heights", "MI", "248", "48071"},
    {"Southfield", "MI", "248", "48075"},
    {"Wixom", "MI", "248", "48393"},
    {"Novi", "MI", "248", "48375 48377"},
    {"Wyandotte", "MI", "734", "48192"},
};

constexpr std::string_view kPghPlaces[] = {"Allegheny", "Three Rivers", "Monongahela", "Steel City", "Ohio Valley", "Golden Triangle"};
constexpr std::string_view kPghCounties[] = {"Allegheny", "Washington", "Westmoreland", "Butler", "Beaver"};
constexpr City kPghCities[] = {
    {"Pittsburgh", "PA", "412", "15201 15203 15205 15210 15212 15220 15222 15233 15238"},
    {"McKees Rocks", "PA", "412", "15136"},
    {"Monroeville", "PA", "412", "15146"},
    {"Bridgeville", "PA", "412", "15017"},
    {"Coraopolis", "PA", "412", "15108"},
    {"Leetsdale", "PA", "412", "15056"},
    {"Cranberry Township", "PA", "724", "16066"},
    {"Canonsburg", "PA", "724", "15317"},
    {"Washington", "PA", "724", "15301"},
    {"New Kensington", "PA", "724", "15068"},
    {"Greensburg", "PA", "724", "15601"},
    {"Butler", "PA", "724", "16001"},
    {"Beaver Falls", "PA", "724", "15010"},
    {"Latrobe", "PA", "724", "15650"},
};

constexpr std::string_view kEriPlaces[] = {"Presque Isle", "Lake Erie", "French Creek", "Bayfront", "Keystone"};
constexpr std::string_view kEriCounties[] = {"Erie", "Crawford", "Warren"};
constexpr City kEriCities[] = {
    {"Erie", "PA", "814", "16501 16502 16503 16504 16505 16506 16509 16510"},
    {"Meadville", "PA", "814", "16335"},
    {"Corry", "PA", "814", "16407"},
    {"North East", "PA", "814", "16428"},
    {"Girard", "PA", "814", "16417"},
    {"Titusville", "PA", "814", "16354"},
    {"Edinboro", "PA", "814", "16412"},
    {"Union City", "PA", "814", "16438"},
    {"Fairview", "PA", "814", "16415"},
    {"Ashtabula", "OH", "440", "44004"},
    {"Jamestown", "NY", "716", "14701"},
};

constexpr std::string_view kFtwPlaces[] = {"Summit City", "St. Joe", "Wabash", "Hoosier", "Three Rivers", "Anthony Wayne"};
constexpr std::string_view kFtwCounties[] = {"Allen", "DeKalb", "Noble", "Whitley"};
constexpr City kFtwCities[] = {
    {"Fort Wayne", "IN", "260", "46802 46803 46804 46805 46808 46809 46818 46825"},
    {"New Haven", "IN", "260", "46774"},
    {"Auburn", "IN", "260", "46706"},
    {"Huntington", "IN", "260", "46750"},
    {"Warsaw", "IN", "574", "46580"},
    {"Kendallville", "IN", "260", "46755"},
    {"Decatur", "IN", "260", "46733"},
    {"Columbia City", "IN", "260", "46725"},
    {"Angola", "IN", "260", "46703"},
    {"Bluffton", "IN", "260", "46714"},
    {"Garrett", "IN", "260", "46738"},
};

constexpr std::string_view kBufPlaces[] = {"Niagara", "Frontier", "Erie Canal", "Seneca", "Buffalo River", "Nickel City"};
constexpr std::string_view kBufCounties[] = {"Erie", "Niagara", "Genesee"};
constexpr City kBufCities[] = {
    {"Buffalo", "NY", "716", "14201 14206 14207 14210 14211 14212 14215"},
    {"Cheektowaga", "NY", "716", "14225 14227"},
    {"Tonawanda", "NY", "716", "14150"},
    {"North Tonawanda", "NY", "716", "14120"},
    {"Lackawanna", "NY", "716", "14218"},
    {"Niagara Falls", "NY", "716", "14301 14304 14305"},
    {"Lockport", "NY", "716", "14094"},
    {"Depew", "NY", "716", "14043"},
    {"Williamsville", "NY", "716", "14221"},
    {"Orchard Park", "NY", "716", "14127"},
    {"West Seneca", "NY", "716", "14224"},
    {"Hamburg", "NY", "716", "14075"},
    {"Batavia", "NY", "585", "14020"},
};

// Cleveland is the home branch and the largest book of business.
constexpr Territory kTerritories[] = {
    {"Cleveland", "Northeast Ohio", 16, 3, kClePlaces, kCleCounties, kCleCities},
    {"Akron", "Northeast Ohio", 8, 2, kAkrPlaces, kAkrCounties, kAkrCities},
    {"Youngstown", "Mahoning Valley", 5, 1, kYngPlaces, kYngCounties, kYngCities},
    {"Columbus", "Central Ohio", 11, 2, kColPlaces, kColCounties, kColCities},
    {"Cincinnati", "Southwest Ohio", 11, 2, kCinPlaces, kCinCounties, kCinCities},
    {"Dayton", "Southwest Ohio", 7, 1, kDayPlaces, kDayCounties, kDayCities},
    {"Toledo", "Northwest Ohio", 7, 1, kTolPlaces, kTolCounties, kTolCities},
    {"Detroit", "Southeast Michigan", 12, 3, kDetPlaces, kDetCounties, kDetCities},
    {"Pittsburgh", "Western Pennsylvania", 11, 2, kPghPlaces, kPghCounties, kPghCities},
    {"Erie", "Northwest Pennsylvania", 4, 1, kEriPlaces, kEriCounties, kEriCities},
    {"Fort Wayne", "Northeast Indiana", 5, 1, kFtwPlaces, kFtwCounties, kFtwCities},
    {"Buffalo", "Western New York", 7, 2, kBufPlaces, kBufCounties, kBufCities},
};

// clang-format on
} // namespace

std::span<const Territory> territories()
{
    return kTerritories;
}

} // namespace lakeshore::demo::geo
