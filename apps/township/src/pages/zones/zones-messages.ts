import { defineMessages } from '@huanjie/ui';

/** 片区管理 (`/zones`): the township's zones, their heads and villages. */
export const zonesMessages = defineMessages(
  {
    'township.zones.title': '片区管理 · {name}',
    'township.zones.intro':
      '把本乡镇的村(社区)划分为片区，每个片区可设片区负责人。一个村只属于一个片区。',
    'township.zones.add': '新建片区',
    'township.zones.name': '片区名称',
    'township.zones.head': '片区负责人',
    'township.zones.villages': '所辖村(社区)',
    'township.zones.count': '村数',
    'township.zones.actions': '操作',
    'township.zones.edit': '修改',
    'township.zones.delete': '删除',
    'township.zones.deleteConfirm': '删除片区「{name}」？其中的村(社区)将不属于任何片区。',
    'township.zones.save': '保存',
    'township.zones.cancel': '取消',
    'township.zones.failed': '保存失败，请稍后重试',
    'township.zones.empty': '还没有片区',
    'township.zones.unzoned': '未划入片区的村(社区)：{names}',
  },
  {
    'township.zones.title': 'Zones · {name}',
    'township.zones.intro':
      'Group the township’s villages into zones, each with a zone head. A village belongs to one zone at most.',
    'township.zones.add': 'New zone',
    'township.zones.name': 'Zone name',
    'township.zones.head': 'Zone head',
    'township.zones.villages': 'Villages',
    'township.zones.count': 'Villages',
    'township.zones.actions': 'Actions',
    'township.zones.edit': 'Edit',
    'township.zones.delete': 'Delete',
    'township.zones.deleteConfirm':
      'Delete the zone “{name}”? Its villages will belong to no zone.',
    'township.zones.save': 'Save',
    'township.zones.cancel': 'Cancel',
    'township.zones.failed': 'Could not save, please retry later',
    'township.zones.empty': 'No zones yet',
    'township.zones.unzoned': 'Villages in no zone: {names}',
  },
);
