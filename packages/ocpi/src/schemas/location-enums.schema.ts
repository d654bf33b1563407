/**
 * Enumerations of the Locations module (mod_locations.asciidoc §Data types).
 */
import { type Static, Type } from 'typebox';

/** `Capability` enum (locations §Capability). */
export const Capability = Type.Enum(
  [
    'CHARGING_PROFILE_CAPABLE',
    'CHARGING_PREFERENCES_CAPABLE',
    'CHIP_CARD_SUPPORT',
    'CONTACTLESS_CARD_SUPPORT',
    'CREDIT_CARD_PAYABLE',
    'DEBIT_CARD_PAYABLE',
    'PED_TERMINAL',
    'REMOTE_START_STOP_CAPABLE',
    'RESERVABLE',
    'RFID_READER',
    'START_SESSION_CONNECTOR_REQUIRED',
    'TOKEN_GROUP_CAPABLE',
    'UNLOCK_CAPABLE',
  ],
  { type: 'string' },
);
/** Static type of {@link Capability}. */
export type Capability = Static<typeof Capability>;

/** `ConnectorFormat` enum (locations §ConnectorFormat). */
export const ConnectorFormat = Type.Enum(['SOCKET', 'CABLE'], { type: 'string' });
/** Static type of {@link ConnectorFormat}. */
export type ConnectorFormat = Static<typeof ConnectorFormat>;

/** `ConnectorType` enum (locations §ConnectorType). */
export const ConnectorType = Type.Enum(
  [
    'CHADEMO',
    'CHAOJI',
    'DOMESTIC_A',
    'DOMESTIC_B',
    'DOMESTIC_C',
    'DOMESTIC_D',
    'DOMESTIC_E',
    'DOMESTIC_F',
    'DOMESTIC_G',
    'DOMESTIC_H',
    'DOMESTIC_I',
    'DOMESTIC_J',
    'DOMESTIC_K',
    'DOMESTIC_L',
    'DOMESTIC_M',
    'DOMESTIC_N',
    'DOMESTIC_O',
    'GBT_AC',
    'GBT_DC',
    'IEC_60309_2_single_16',
    'IEC_60309_2_three_16',
    'IEC_60309_2_three_32',
    'IEC_60309_2_three_64',
    'IEC_62196_T1',
    'IEC_62196_T1_COMBO',
    'IEC_62196_T2',
    'IEC_62196_T2_COMBO',
    'IEC_62196_T3A',
    'IEC_62196_T3C',
    'NEMA_5_20',
    'NEMA_6_30',
    'NEMA_6_50',
    'NEMA_10_30',
    'NEMA_10_50',
    'NEMA_14_30',
    'NEMA_14_50',
    'PANTOGRAPH_BOTTOM_UP',
    'PANTOGRAPH_TOP_DOWN',
    'TESLA_R',
    'TESLA_S',
  ],
  { type: 'string' },
);
/** Static type of {@link ConnectorType}. */
export type ConnectorType = Static<typeof ConnectorType>;

/** `Facility` enum (locations §Facility). */
export const Facility = Type.Enum(
  [
    'HOTEL',
    'RESTAURANT',
    'CAFE',
    'MALL',
    'SUPERMARKET',
    'SPORT',
    'RECREATION_AREA',
    'NATURE',
    'MUSEUM',
    'BIKE_SHARING',
    'BUS_STOP',
    'TAXI_STAND',
    'TRAM_STOP',
    'METRO_STATION',
    'TRAIN_STATION',
    'AIRPORT',
    'PARKING_LOT',
    'CARPOOL_PARKING',
    'FUEL_STATION',
    'WIFI',
  ],
  { type: 'string' },
);
/** Static type of {@link Facility}. */
export type Facility = Static<typeof Facility>;

/** `ParkingRestriction` enum (locations §ParkingRestriction). */
export const ParkingRestriction = Type.Enum(['EV_ONLY', 'PLUGGED', 'DISABLED', 'CUSTOMERS', 'MOTORCYCLES'], {
  type: 'string',
});
/** Static type of {@link ParkingRestriction}. */
export type ParkingRestriction = Static<typeof ParkingRestriction>;

/** `ParkingType` enum (locations §ParkingType). */
export const ParkingType = Type.Enum(
  ['ALONG_MOTORWAY', 'PARKING_GARAGE', 'PARKING_LOT', 'ON_DRIVEWAY', 'ON_STREET', 'UNDERGROUND_GARAGE'],
  { type: 'string' },
);
/** Static type of {@link ParkingType}. */
export type ParkingType = Static<typeof ParkingType>;

/** `PowerType` enum (locations §PowerType). */
export const PowerType = Type.Enum(['AC_1_PHASE', 'AC_2_PHASE', 'AC_2_PHASE_SPLIT', 'AC_3_PHASE', 'DC'], {
  type: 'string',
});
/** Static type of {@link PowerType}. */
export type PowerType = Static<typeof PowerType>;

/** `Status` enum (locations §Status): status of an EVSE. */
export const Status = Type.Enum(
  ['AVAILABLE', 'BLOCKED', 'CHARGING', 'INOPERATIVE', 'OUTOFORDER', 'PLANNED', 'REMOVED', 'RESERVED', 'UNKNOWN'],
  { type: 'string' },
);
/** Static type of {@link Status}. */
export type Status = Static<typeof Status>;
