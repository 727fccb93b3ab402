// The zone's own names, taken from its half-year report (shared/seed); the rest are plausible inventions.

/** Land uses as the parcel table stores them: Chinese name and 国土空间调查 class code. */
export const LAND_USES = Object.freeze({
	industrial: ['工业用地', '0601'],
	storage: ['仓储用地', '0602'],
	commercial: ['商服用地', '05'],
	residential: ['住宅用地', '0701'],
	public: ['公共管理与公共服务用地', '08'],
});

/** Planned land use drawn by region: [use, weight]. */
export const REGION_USES = Object.freeze({
	east: [['industrial', 0.8], ['storage', 0.2]],
	west: [['industrial', 0.8], ['storage', 0.2]],
	north: [['residential', 0.45], ['commercial', 0.35], ['public', 0.2]],
	mid: [['industrial', 0.65], ['storage', 0.15], ['commercial', 0.12], ['public', 0.08]],
});

export const REGION_NAMES = Object.freeze({ east: '化工园东区', west: '化工园西区', north: '成片开发区', mid: '中部工业区' });

// [name, industry, is_chemical, site region, relocation_state]; chemical-park sites are east and west.
export const ENTERPRISES = [
	['宝尼新材料', '化学原料和化学制品制造业', true, 'east', 'none'],
	['新元无醛粘合剂', '化学原料和化学制品制造业', true, 'east', 'none'],
	['谷雨春医用微球', '医药制造业', true, 'east', 'none'],
	['诚弘制药', '医药制造业', true, 'east', 'none'],
	['财金新材料', '化学原料和化学制品制造业', true, 'east', 'none'],
	['米纽特新材料', '化学原料和化学制品制造业', true, 'east', 'none'],
	['史丹利', '化学原料和化学制品制造业', true, 'east', 'none'],
	['东澜新材料', '化学原料和化学制品制造业', true, 'east', 'none'],
	['信光新材料', '化学原料和化学制品制造业', true, 'west', 'none'],
	['明远新材料', '化学原料和化学制品制造业', true, 'west', 'retain'],
	['广卓新材料', '化学原料和化学制品制造业', true, 'west', 'retain'],
	['恒泰毛毯', '纺织业', false, 'east', 'relocate'],
	['银丰家纺', '纺织业', false, 'west', 'relocate'],
	['美敦敦食品', '食品制造业', false, 'east', 'relocate'],
	['齐日电子', '计算机、通信和其他电子设备制造业', false, 'west', 'convert'],
	['金象实业', '金属制品业', false, 'east', 'convert'],
	['首源机械', '通用设备制造业', false, 'west', 'retain'],
	['世洁热力', '电力、热力生产和供应业', false, 'east', 'retain'],
	['天润工业', '汽车制造业', false, 'mid', 'none'],
	['威力工具', '金属制品业', false, 'mid', 'none'],
	['潍柴新能源', '电气机械和器材制造业', false, 'mid', 'none'],
	['颐阳酒业', '酒、饮料和精制茶制造业', false, 'mid', 'none'],
	['迈世腾', '专用设备制造业', false, 'mid', 'none'],
	['锦驰新能源', '橡胶和塑料制品业', false, 'mid', 'none'],
	['瑞鑫机电', '通用设备制造业', false, 'mid', 'none'],
	['绿谷新材', '非金属矿物制品业', false, 'mid', 'none'],
	['经开电子信息', '计算机、通信和其他电子设备制造业', false, 'mid', 'none'],
	['大世汽车', '汽车制造业', false, 'mid', 'none'],
	['三和电子', '计算机、通信和其他电子设备制造业', false, 'mid', 'none'],
	['航宇特钢', '黑色金属冶炼和压延加工业', false, 'mid', 'none'],
	['华瓷基板', '非金属矿物制品业', false, 'mid', 'none'],
	['多元储能', '电气机械和器材制造业', false, 'mid', 'none'],
	['威萨国际供应链', '装卸搬运和仓储业', false, 'mid', 'none'],
	['华坦供应链', '装卸搬运和仓储业', false, 'mid', 'none'],
	['金建缘贸易', '批发和零售业', false, 'north', 'none'],
	['银海绿洲置业', '房地产业', false, 'north', 'none'],
];

/** Enterprises holding a second transferred parcel (their expansion projects sit there). */
export const SECOND_PARCELS = ['天润工业', '瑞鑫机电'];

export const BIG_EMPLOYERS = { 天润工业: 2200, 潍柴新能源: 1500, 威力工具: 900, 颐阳酒业: 420 };

// 闲置低效用地收回, one per recovered parcel.
export const RECOVERIES = [
	{ former: '史丹利', region: 'east', landUse: 'industrial', reason: 'idle', basis: '《闲置土地处置办法》第十四条', date: '2025-03-18', cancelled: true, note: '原复合肥扩建用地，超过约定动工日期满两年未动工，无偿收回；已注销土地证和房屋产权证' },
	{ former: '康恒置业', region: 'north', landUse: 'commercial_residential', reason: 'idle', basis: '《闲置土地处置办法》第十四条', date: '2025-11-06', cancelled: true, note: '商住用地闲置，收回后纳入土地储备' },
	{ former: '隆昌兴城物业服务公司', region: 'north', landUse: 'commercial', reason: 'low_efficiency', basis: '《国有建设用地使用权出让合同》第三十二条', date: '2026-01-15', cancelled: false, note: '协议有偿收回，土地证注销手续办理中' },
	{ former: '尼柔丝', region: 'mid', landUse: 'industrial', reason: 'court_ruling', basis: '（2025）鲁10民终1826号民事裁定书', date: '2026-04-22', cancelled: true, note: '根据法院裁定收回原尼柔丝项目土地并注销' },
	{ former: '鑫达铸造', region: 'mid', landUse: 'industrial', reason: 'low_efficiency', basis: '《自然资源部关于深化低效用地再开发的指导意见》', date: '2024-08-15', cancelled: true, note: '亩均税收连续三年低于园区标准，协议收回' },
	{ former: '华远纺织', region: 'west', landUse: 'industrial', reason: 'term_expired', basis: '《城镇国有土地使用权出让和转让暂行条例》第四十条', date: '2024-12-20', cancelled: true, note: '出让年限届满未申请续期，依法收回' },
];

/** Parcels part-way through the red-line → transfer lifecycle, by status: [name, region, use]. */
export const PIPELINE = {
	listed: [
		['新元欧玛胶项目地块', 'east', 'industrial'],
		['诚弘制药二期地块', 'east', 'industrial'],
		['亘元项目地块', 'mid', 'industrial'],
		['中部工业区标准厂房地块', 'mid', 'industrial'],
		['醍香湾商业地块', 'north', 'commercial'],
	],
	filed: [
		['威高化工项目地块', 'west', 'industrial'],
		['金象实业二期地块', 'west', 'storage'],
		['集新科技项目地块', 'mid', 'industrial'],
		['原广瑞电力项目地块', 'mid', 'industrial'],
		['银海绿洲二期地块', 'north', 'residential'],
	],
	red_line_issued: [
		['药用中性硼硅玻璃项目地块', 'east', 'industrial'],
		['有机硅树脂项目地块', 'west', 'industrial'],
		['锂盐系列产品项目地块', 'west', 'industrial'],
		['环保设备制造项目地块', 'mid', 'industrial'],
		['高温陶瓷集成基板二期地块', 'mid', 'industrial'],
		['北区邻里中心地块', 'north', 'public'],
	],
	cancelled: [
		['原化工仓储项目地块', 'west', 'storage'],
		['原物流园项目地块', 'mid', 'storage'],
		['原商住综合体地块', 'north', 'commercial'],
	],
};

export const PIPELINE_NOTES = {
	listed: '挂牌出让公告已发布',
	filed: '用地组卷材料已转区自然资源局',
	red_line_issued: '规划分局已出具用地红线图',
	cancelled: '项目终止，用地红线作废',
};

// Key projects: [name, level, category, total 万元, progress, state, start, where].
// where: an enterprise name (its first parcel), 'second:<enterprise>' (its second parcel),
// 'both:<enterprise>' (both parcels) or 'parcel:<parcel name>'.
export const PROJECTS = [
	['谷雨春医用微球', 'province', '医药', 52000, 0.46, 'under_construction', '2025-03-20', '谷雨春医用微球'],
	['宝尼新材料', 'city', '新材料', 85000, 0.52, 'under_construction', '2024-10-08', '宝尼新材料'],
	['新元无醛粘合剂', 'city', '新材料', 36000, 0.48, 'under_construction', '2025-04-16', '新元无醛粘合剂'],
	['世洁二期供热', 'district', '能源保障', 18000, 0.55, 'under_construction', '2025-05-06', '世洁热力'],
	['瑞鑫机电产业园', 'city', '高端装备', 60000, 0.93, 'basically_completed', '2023-09-12', 'both:瑞鑫机电'],
	['绿谷新材产业园', 'city', '新材料', 48000, 0.71, 'basically_completed', '2023-11-02', '绿谷新材'],
	['明远新材料', 'district', '新材料', 22000, 0.95, 'basically_completed', '2024-03-15', '明远新材料'],
	['电子信息产业园', 'city', '电子信息', 56000, 0.21, 'under_construction', '2024-06-18', '经开电子信息'],
	['广卓新材料', 'district', '新材料', 16000, 0.12, 'under_construction', '2025-02-26', '广卓新材料'],
	['财金新材料', 'province', '新材料', 120000, 0.58, 'under_construction', '2024-08-01', '财金新材料'],
	['诚弘制药', 'province', '医药', 75000, 0.61, 'under_construction', '2024-05-20', '诚弘制药'],
	['天润工业扩建', 'city', '高端装备', 42000, 1.0, 'in_operation', '2022-04-10', 'second:天润工业'],
	['颐阳酒业智能化改造', 'district', '食品饮料', 9800, 1.0, 'in_operation', '2023-03-01', '颐阳酒业'],
	['潍柴新能源电池', 'province', '新能源', 150000, 0.35, 'under_construction', '2025-01-15', '潍柴新能源'],
	['锦驰新能源', 'district', '新能源', 12000, 0, 'planned', '2026-09-01', '锦驰新能源'],
	['米纽特新材料', 'city', '新材料', 30000, 0, 'planned', '2026-10-15', '米纽特新材料'],
	['诚弘制药二期', 'district', '医药', 28000, 0, 'planned', null, 'parcel:诚弘制药二期地块'],
];

/** Projects that have already passed their annual investment target (report: 超额完成年度投资). */
export const AHEAD_OF_TARGET = ['财金新材料', '诚弘制药'];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '孙', '于', '丛', '邹', '毕', '谷', '林', '梁'];
