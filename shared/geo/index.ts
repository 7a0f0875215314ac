export { countries, inflectAdjective, type Country } from './countries';
export { allPlaceNames, countryWordForms, findCountry, findMunicipality, findPlace, findProvince, type PlaceKind, type PlaceMatch } from './lookup';
export { municipalities, municipalityAliases, type Municipality } from './municipalities';
export { placeKey } from './normalise';
export { neighbourhoods, towns, type NamedPlace } from './places';
export { landsdeelOf, landsdelen, provinceAliases, provinces, type Landsdeel, type Province } from './provinces';
