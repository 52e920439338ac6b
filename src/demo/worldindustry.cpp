#include "demo/worldindustry.h"

namespace lakeshore::demo::market {
namespace {

// clang-format off
constexpr std::string_view kCategories[kCategoryCount] = {
    "Fasteners", "Bearings", "Power Transmission", "Fluid Power", "Safety", "Cutting Tools", "Abrasives",
    "Electrical", "Janitorial", "Lubricants", "Welding", "Material Handling", "Adhesives & Sealants",
    "Hand Tools",
};

constexpr Trade kMachining[] = {{"Machine"}, {"Machine Works"}, {"Precision Machining"}, {"Tool & Die"},
                                {"Screw Machine Products"}, {"Machine & Tool"}, {"Precision Products"},
                                {"Manufacturing"}, {"CNC"}};
constexpr Trade kFabrication[] = {{"Fabricating"}, {"Metal Fabrication"}, {"Steel Fabricators"},
                                  {"Welding & Fabrication"}, {"Sheet Metal"}, {"Iron Works"}, {"Metal Works"},
                                  {"Metalcraft"}, {"Ornamental Iron"}};
constexpr Trade kAutomotive[] = {{"Stamping"}, {"Automotive Components"}, {"Die Casting"}, {"Metal Stamping"},
                                 {"Assemblies"}, {"Tube Bending"}, {"Spring"}, {"Trim Products"}};
constexpr Trade kMetals[] = {{"Forge"}, {"Steel"}, {"Castings"}, {"Foundry"}, {"Heat Treating"},
                             {"Wire Products"}, {"Tube"}, {"Alloys"}, {"Aluminum"}, {"Rolling Mills"}};
constexpr Trade kPlastics[] = {{"Plastics"}, {"Molding"}, {"Rubber Products"}, {"Polymers"}, {"Extrusions"},
                               {"Injection Molding"}, {"Composites"}, {"Thermoforming"}};
constexpr Trade kFood[] = {{"Foods"}, {"Baking Company", false}, {"Dairy"}, {"Packing"}, {"Beverage"},
                           {"Provisions"}, {"Snack Foods"}, {"Brewing Company", false}, {"Meats"}};
constexpr Trade kChemicals[] = {{"Chemical"}, {"Coatings"}, {"Paint"}, {"Specialty Chemicals"}, {"Resins"},
                                {"Laboratories"}, {"Adhesives"}};
constexpr Trade kPaper[] = {{"Packaging"}, {"Paper"}, {"Corrugated"}, {"Container"}, {"Label"}, {"Carton"},
                            {"Paperboard"}, {"Printing"}};
constexpr Trade kMachinery[] = {{"Machinery"}, {"Equipment"}, {"Conveyor"}, {"Hydraulics"}, {"Automation"},
                                {"Pump"}, {"Controls"}, {"Gear"}, {"Industrial Systems"}, {"Compressor"}};
constexpr Trade kConstruction[] = {{"Mechanical"}, {"Electric"}, {"Construction"}, {"Industrial Contractors"},
                                   {"Plumbing & Heating"}, {"Millwrights"}, {"Excavating"}, {"Roofing"},
                                   {"Concrete"}};
constexpr Trade kUtilities[] = {{"Water Authority", false, true}, {"Energy Cooperative", false, true},
                                {"Sanitary District", false, true}, {"Power & Light", false, true},
                                {"Regional Water District", false, true}};
constexpr Trade kLogistics[] = {{"Logistics"}, {"Warehousing"}, {"Distribution"}, {"Freight Lines"},
                                {"Cold Storage"}, {"Transfer & Storage"}};

constexpr std::string_view kPlantTitles[] = {
    "Maintenance Manager", "Purchasing Manager", "Purchasing Agent", "Buyer", "Plant Engineer",
    "Plant Manager", "Maintenance Supervisor", "Operations Manager", "Reliability Engineer",
    "Safety Coordinator", "EHS Manager", "Production Supervisor", "Tool Crib Attendant", "MRO Storeroom Lead",
    "Accounts Payable Specialist", "Manufacturing Engineer",
};
constexpr std::string_view kHospitalTitles[] = {
    "Director of Facilities", "Supply Chain Manager", "Purchasing Agent", "Facilities Manager",
    "Plant Operations Supervisor", "Biomedical Engineering Manager", "Environmental Services Manager",
    "Maintenance Mechanic", "Accounts Payable Specialist",
};
constexpr std::string_view kGovernmentTitles[] = {
    "Public Works Superintendent", "Purchasing Agent", "Procurement Officer", "Fleet Manager",
    "Water Plant Supervisor", "Street Superintendent", "Facilities Manager", "Wastewater Operator",
    "Finance Clerk",
};
constexpr std::string_view kSchoolTitles[] = {
    "Director of Facilities", "Purchasing Coordinator", "Business Manager", "Maintenance Supervisor",
    "Custodial Supervisor", "Grounds Foreman", "HVAC Technician", "Accounts Payable Clerk",
};
constexpr std::string_view kContractorTitles[] = {
    "Purchasing Manager", "Project Manager", "Equipment Manager", "Superintendent", "Estimator",
    "Safety Director", "Shop Foreman", "Office Manager",
};

// Category weights, in the order of kCategories.
constexpr Industry kIndustries[] = {
    {"Machining", Style::Company, 14, kMachining, {10, 6, 4, 5, 10, 30, 10, 5, 4, 10, 2, 2, 2, 6},
     12000, 180, 50, 160, kPlantTitles},
    {"Metal Fabrication", Style::Company, 12, kFabrication, {12, 4, 3, 4, 15, 8, 20, 5, 3, 3, 25, 4, 2, 6},
     15000, 200, 45, 140, kPlantTitles},
    {"Automotive Parts", Style::Company, 10, kAutomotive, {15, 10, 6, 10, 12, 6, 8, 8, 4, 8, 8, 5, 4, 4},
     45000, 260, 25, 90, kPlantTitles},
    {"Primary Metals", Style::Company, 6, kMetals, {6, 14, 14, 10, 18, 3, 10, 7, 3, 12, 6, 6, 2, 4},
     60000, 350, 20, 70, kPlantTitles},
    {"Plastics & Rubber", Style::Company, 8, kPlastics, {8, 10, 10, 12, 12, 4, 3, 12, 8, 6, 1, 6, 4, 4},
     25000, 230, 25, 90, kPlantTitles},
    {"Food & Beverage", Style::Company, 7, kFood, {6, 12, 12, 6, 15, 1, 1, 8, 25, 10, 1, 6, 3, 3},
     40000, 300, 15, 60, kPlantTitles},
    {"Chemicals", Style::Company, 4, kChemicals, {6, 6, 6, 15, 25, 1, 2, 8, 10, 6, 2, 5, 4, 4},
     35000, 400, 15, 55, kPlantTitles},
    {"Paper & Packaging", Style::Company, 5, kPaper, {6, 16, 18, 6, 10, 2, 2, 7, 8, 8, 1, 10, 10, 3},
     30000, 280, 20, 70, kPlantTitles},
    {"Industrial Machinery", Style::Company, 9, kMachinery, {14, 12, 12, 14, 8, 6, 4, 14, 2, 4, 6, 3, 3, 6},
     30000, 250, 25, 80, kPlantTitles},
    {"Healthcare", Style::Hospital, 5, {}, {8, 2, 3, 2, 15, 0, 1, 20, 30, 5, 0, 6, 8, 5},
     180000, 140, 3, 12, kHospitalTitles},
    {"Government", Style::Government, 5, {}, {10, 4, 8, 10, 18, 1, 4, 12, 18, 8, 6, 4, 3, 6},
     40000, 120, 6, 25, kGovernmentTitles},
    {"Education", Style::School, 3, {}, {8, 2, 3, 2, 10, 1, 2, 20, 35, 3, 1, 5, 6, 6},
     60000, 110, 5, 18, kSchoolTitles},
    {"Construction", Style::Company, 7, kConstruction, {20, 2, 2, 4, 20, 8, 8, 15, 2, 2, 8, 3, 8, 10},
     12000, 220, 30, 110, kContractorTitles},
    {"Utilities", Style::Company, 2, kUtilities, {8, 10, 10, 12, 20, 1, 3, 20, 4, 8, 3, 3, 3, 5},
     50000, 450, 8, 30, kPlantTitles},
    {"Logistics & Warehousing", Style::Company, 3, kLogistics, {6, 6, 10, 4, 15, 1, 2, 12, 15, 4, 1, 25, 4, 3},
     20000, 160, 10, 45, kPlantTitles},
};

// clang-format on
} // namespace

std::span<const std::string_view> categories()
{
    return kCategories;
}
std::span<const Industry> industries()
{
    return kIndustries;
}

} // namespace lakeshore::demo::market
