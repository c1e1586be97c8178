import type { DemoCarrier, DemoChannel } from './dataset';

export const CHANNELS: DemoChannel[] = [
  { code: 'webstore', name: 'Own web store', kind: 'WEBSTORE' },
  { code: 'shopify', name: 'Shopify store', kind: 'WEBSTORE' },
  { code: 'tmall', name: 'Tmall', kind: 'MARKETPLACE' },
  { code: 'jd', name: 'JD.com', kind: 'MARKETPLACE' },
  { code: 'amazon', name: 'Amazon', kind: 'MARKETPLACE' },
  { code: 'douyin', name: 'Douyin Shop', kind: 'SOCIAL' },
  { code: 'pos', name: 'Retail stores (POS)', kind: 'OFFLINE' },
];

/** How often an order comes through each channel. */
export const CHANNEL_WEIGHTS: Record<string, number> = {
  tmall: 30,
  jd: 20,
  douyin: 18,
  webstore: 10,
  shopify: 8,
  amazon: 6,
  pos: 8,
};

/** Warehouses in real cities, with the cities' real coordinates. */
export const WAREHOUSES = [
  {
    code: 'SHA',
    city: 'Shanghai',
    name: 'Shanghai Jiading DC',
    region: 'East China',
    latitude: 31.3838,
    longitude: 121.2503,
  },
  {
    code: 'PEK',
    city: 'Beijing',
    name: 'Beijing Daxing DC',
    region: 'North China',
    latitude: 39.7267,
    longitude: 116.3413,
  },
  {
    code: 'CAN',
    city: 'Guangzhou',
    name: 'Guangzhou Huangpu DC',
    region: 'South China',
    latitude: 23.1063,
    longitude: 113.4594,
  },
  {
    code: 'CTU',
    city: 'Chengdu',
    name: 'Chengdu Shuangliu DC',
    region: 'Southwest China',
    latitude: 30.5749,
    longitude: 103.9233,
  },
  {
    code: 'WUH',
    city: 'Wuhan',
    name: 'Wuhan Dongxihu DC',
    region: 'Central China',
    latitude: 30.6196,
    longitude: 114.1425,
  },
  {
    code: 'XIY',
    city: "Xi'an",
    name: "Xi'an Lintong DC",
    region: 'Northwest China',
    latitude: 34.3679,
    longitude: 109.2141,
  },
  {
    code: 'SHE',
    city: 'Shenyang',
    name: 'Shenyang Hunnan DC',
    region: 'Northeast China',
    latitude: 41.7456,
    longitude: 123.4492,
  },
] as const;

/** Destination cities: name, province, postal code prefix and coordinates. */
export const CITIES = [
  { city: 'Shanghai', province: 'Shanghai', postal: '200', latitude: 31.2304, longitude: 121.4737, weight: 12 },
  { city: 'Beijing', province: 'Beijing', postal: '100', latitude: 39.9042, longitude: 116.4074, weight: 11 },
  { city: 'Guangzhou', province: 'Guangdong', postal: '510', latitude: 23.1291, longitude: 113.2644, weight: 8 },
  { city: 'Shenzhen', province: 'Guangdong', postal: '518', latitude: 22.5431, longitude: 114.0579, weight: 9 },
  { city: 'Hangzhou', province: 'Zhejiang', postal: '310', latitude: 30.2741, longitude: 120.1551, weight: 6 },
  { city: 'Nanjing', province: 'Jiangsu', postal: '210', latitude: 32.0603, longitude: 118.7969, weight: 5 },
  { city: 'Suzhou', province: 'Jiangsu', postal: '215', latitude: 31.2989, longitude: 120.5853, weight: 4 },
  { city: 'Chengdu', province: 'Sichuan', postal: '610', latitude: 30.5728, longitude: 104.0668, weight: 6 },
  { city: 'Chongqing', province: 'Chongqing', postal: '400', latitude: 29.563, longitude: 106.5516, weight: 5 },
  { city: 'Wuhan', province: 'Hubei', postal: '430', latitude: 30.5928, longitude: 114.3055, weight: 5 },
  { city: "Xi'an", province: 'Shaanxi', postal: '710', latitude: 34.3416, longitude: 108.9398, weight: 4 },
  { city: 'Tianjin', province: 'Tianjin', postal: '300', latitude: 39.3434, longitude: 117.3616, weight: 4 },
  { city: 'Changsha', province: 'Hunan', postal: '410', latitude: 28.2282, longitude: 112.9388, weight: 3 },
  { city: 'Zhengzhou', province: 'Henan', postal: '450', latitude: 34.7466, longitude: 113.6253, weight: 3 },
  { city: 'Qingdao', province: 'Shandong', postal: '266', latitude: 36.0671, longitude: 120.3826, weight: 3 },
  { city: 'Shenyang', province: 'Liaoning', postal: '110', latitude: 41.8057, longitude: 123.4315, weight: 2 },
  { city: 'Dalian', province: 'Liaoning', postal: '116', latitude: 38.914, longitude: 121.6147, weight: 2 },
  { city: 'Xiamen', province: 'Fujian', postal: '361', latitude: 24.4798, longitude: 118.0894, weight: 2 },
  { city: 'Kunming', province: 'Yunnan', postal: '650', latitude: 25.0389, longitude: 102.7183, weight: 2 },
  { city: 'Harbin', province: 'Heilongjiang', postal: '150', latitude: 45.8038, longitude: 126.535, weight: 2 },
] as const;

export type City = (typeof CITIES)[number];

export const CARRIERS: DemoCarrier[] = [
  { code: 'sf', name: 'SF Express' },
  { code: 'jd-logistics', name: 'JD Logistics' },
  { code: 'zto', name: 'ZTO Express' },
  { code: 'yto', name: 'YTO Express' },
  { code: 'ems', name: 'China Post EMS' },
];

export const SURNAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'He',
  'Lin',
  'Luo',
  'Gao',
];
export const GIVEN_NAMES = [
  'Wei',
  'Fang',
  'Na',
  'Min',
  'Jing',
  'Lei',
  'Jun',
  'Yang',
  'Yong',
  'Yan',
  'Jie',
  'Tao',
  'Ming',
  'Chao',
  'Xiu Ying',
  'Hui',
  'Li Na',
  'Xin',
  'Hao',
  'Yu Tong',
  'Zi Han',
  'Jia Hui',
  'Hong',
  'Qiang',
  'Ping',
];
export const STREETS = [
  'Nanjing Road',
  'Huaihai Road',
  'Renmin Road',
  'Zhongshan Road',
  'Jiefang Avenue',
  'Jianshe Road',
  'Heping Street',
  'Changan Avenue',
  'Binjiang Road',
  'Xinhua Road',
];
export const EMAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com', 'foxmail.com'];

const PRODUCT_ADJECTIVES = [
  'Classic',
  'Premium',
  'Organic',
  'Compact',
  'Ultra-light',
  'Family',
  'Travel',
  'Smart',
  'Eco',
  'Deluxe',
];
const PRODUCT_NOUNS: [string, number, number][] = [
  // name, min price (fen), max price (fen)
  ['Green Tea 250g', 3990, 19900],
  ['Bamboo Towel Set', 4990, 12900],
  ['Wireless Earbuds', 9900, 89900],
  ['Thermal Mug 500ml', 5990, 19900],
  ['Silk Pillowcase', 12900, 39900],
  ['Rice Cooker 3L', 19900, 89900],
  ['Running Shoes', 29900, 99900],
  ['Down Jacket', 39900, 199900],
  ['Face Serum 30ml', 9900, 59900],
  ['Phone Charger 65W', 5990, 24900],
  ['Yoga Mat', 6990, 29900],
  ['Porcelain Tea Set', 15900, 89900],
  ['Backpack 25L', 12900, 49900],
  ['Air Purifier Filter', 7990, 29900],
  ['Baby Wipes 80pcs', 1990, 5990],
];

/**
 * Packed size (mm, longest side first) and shipping weight (g) of each product noun, in its retail packaging:
 * plausible figures for the kind of item, so the demo's parcels look like real ones.
 */
const PRODUCT_SIZES: Record<string, [number, number, number, number]> = {
  'Green Tea 250g': [160, 90, 90, 300],
  'Bamboo Towel Set': [300, 220, 90, 900],
  'Wireless Earbuds': [110, 90, 45, 180],
  'Thermal Mug 500ml': [230, 90, 90, 420],
  'Silk Pillowcase': [280, 200, 30, 250],
  'Rice Cooker 3L': [340, 300, 280, 3400],
  'Running Shoes': [330, 210, 120, 950],
  'Down Jacket': [380, 280, 110, 1100],
  'Face Serum 30ml': [120, 50, 50, 110],
  'Phone Charger 65W': [120, 80, 50, 220],
  'Yoga Mat': [620, 160, 160, 1300],
  'Porcelain Tea Set': [360, 260, 140, 2200],
  'Backpack 25L': [450, 300, 100, 800],
  'Air Purifier Filter': [290, 290, 60, 650],
  'Baby Wipes 80pcs': [200, 120, 80, 420],
};

/** `SKU-0001` .. `SKU-NNNN` with stable names, prices, sizes and weights. */
export function productSpec(index: number): {
  sku: string;
  name: string;
  minFen: number;
  maxFen: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightGrams: number;
} {
  const [noun, minFen, maxFen] = PRODUCT_NOUNS[index % PRODUCT_NOUNS.length];
  const adjective = PRODUCT_ADJECTIVES[Math.floor(index / PRODUCT_NOUNS.length) % PRODUCT_ADJECTIVES.length];
  const [lengthMm, widthMm, heightMm, weightGrams] = PRODUCT_SIZES[noun];
  return {
    sku: `SKU-${String(index + 1).padStart(4, '0')}`,
    name: `${adjective} ${noun}`,
    minFen,
    maxFen,
    lengthMm,
    widthMm,
    heightMm,
    weightGrams,
  };
}

/**
 * The box catalogue every demo warehouse starts with (inner mm, most a packed box may weigh, tare, g). M is the
 * default: what a warehouse without a packer would use for anything that fits it.
 */
export const DEMO_BOXES: readonly {
  code: string;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  maxWeightGrams: number;
  tareGrams: number;
  isDefault: boolean;
}[] = [
  { code: 'XS', lengthMm: 200, widthMm: 150, heightMm: 100, maxWeightGrams: 5_000, tareGrams: 90, isDefault: false },
  { code: 'S', lengthMm: 300, widthMm: 200, heightMm: 150, maxWeightGrams: 10_000, tareGrams: 160, isDefault: false },
  { code: 'M', lengthMm: 400, widthMm: 300, heightMm: 250, maxWeightGrams: 20_000, tareGrams: 300, isDefault: true },
  { code: 'L', lengthMm: 500, widthMm: 400, heightMm: 350, maxWeightGrams: 25_000, tareGrams: 480, isDefault: false },
  { code: 'XL', lengthMm: 650, widthMm: 500, heightMm: 450, maxWeightGrams: 30_000, tareGrams: 750, isDefault: false },
];
