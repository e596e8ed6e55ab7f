"""Households in need with their members, categories and trainees; micro-wishes, the city's wish board and
claims on it (with the photos kept at the station only); sponsors, sponsorships and their visits and hand-overs."""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('household_categories',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('household_members',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('relation', sa.String(length=16), nullable=False),
    sa.Column('birth_date', sa.String(length=10), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('health', sa.Text(), nullable=False),
    sa.Column('disability', sa.Text(), nullable=False),
    sa.Column('volunteer_id', sa.String(length=36), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('household_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_members_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_members_id_number'), ['id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_members_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('households',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('head_name', sa.String(length=64), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('group_name', sa.String(length=64), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('categories', sa.String(length=400), nullable=False),
    sa.Column('poverty_cause', sa.String(length=200), nullable=False),
    sa.Column('health', sa.Text(), nullable=False),
    sa.Column('disability', sa.Text(), nullable=False),
    sa.Column('income_notes', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_on', sa.String(length=10), nullable=False),
    sa.Column('recheck_on', sa.String(length=10), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('merged_into', sa.String(length=36), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('sort_key', sa.String(length=200), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_households_id_number'), ['id_number'], unique=False)
        batch_op.create_index('ix_households_list', ['status', 'sort_key', 'id', 'deleted', 'search_text', 'group_name', 'categories', 'merged_into'], unique=False)

    op.create_table('sponsors',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('contact', sa.String(length=64), nullable=False),
    sa.Column('volunteer_id', sa.String(length=36), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('sponsorship_events',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('sponsorship_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('happened_on', sa.String(length=10), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('amount', sa.Float(), nullable=False),
    sa.Column('recorded_by_name', sa.String(length=64), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sponsorship_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sponsorship_events_sponsorship_id'), ['sponsorship_id'], unique=False)

    op.create_table('sponsorships',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('sponsor_id', sa.String(length=36), nullable=False),
    sa.Column('project', sa.String(length=16), nullable=False),
    sa.Column('pledge_kind', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.Float(), nullable=False),
    sa.Column('pledge', sa.Text(), nullable=False),
    sa.Column('start_on', sa.String(length=10), nullable=False),
    sa.Column('end_on', sa.String(length=10), nullable=False),
    sa.Column('instalments', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_on', sa.String(length=10), nullable=False),
    sa.Column('end_reason', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sponsorships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sponsorships_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sponsorships_sponsor_id'), ['sponsor_id'], unique=False)

    op.create_table('trainees',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('activity_id', sa.String(length=36), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('trainees', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trainees_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trainees_household_id'), ['household_id'], unique=False)

    op.create_table('wish_board',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('public_text', sa.String(length=500), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('value_low', sa.Integer(), nullable=False),
    sa.Column('value_high', sa.Integer(), nullable=False),
    sa.Column('published_on', sa.String(length=10), nullable=False),
    sa.Column('wanted_by', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('hold_days', sa.Integer(), nullable=False),
    sa.Column('released_claim', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('wish_board', schema=None) as batch_op:
        batch_op.create_index('ix_wish_board_list', ['state', 'published_on', 'village_code', 'category', 'value_low', 'deleted'], unique=False)

    op.create_table('wish_claims',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('to_village_code', sa.String(length=12), nullable=False),
    sa.Column('board_id', sa.String(length=36), nullable=False),
    sa.Column('claimant_kind', sa.String(length=16), nullable=False),
    sa.Column('claimant_name', sa.String(length=100), nullable=False),
    sa.Column('claimant_contact', sa.String(length=64), nullable=False),
    sa.Column('volunteer_id', sa.String(length=36), nullable=False),
    sa.Column('claimed_on', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('held_until', sa.String(length=10), nullable=False),
    sa.Column('lapsed', sa.Boolean(), nullable=False),
    sa.Column('refused', sa.String(length=16), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('wish_claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_wish_claims_board_id'), ['board_id'], unique=False)

    op.create_table('wish_photos',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('wish_id', sa.String(length=36), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('image', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('wish_photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_wish_photos_wish_id'), ['wish_id'], unique=False)

    op.create_table('wishes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('words', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('estimated_value', sa.Float(), nullable=False),
    sa.Column('wanted_by', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('collected_on', sa.String(length=10), nullable=False),
    sa.Column('collected_by', sa.String(length=64), nullable=False),
    sa.Column('vetted_on', sa.String(length=10), nullable=False),
    sa.Column('decision_note', sa.Text(), nullable=False),
    sa.Column('published_on', sa.String(length=10), nullable=False),
    sa.Column('public_text', sa.String(length=500), nullable=False),
    sa.Column('contacted_on', sa.String(length=10), nullable=False),
    sa.Column('claim_id', sa.String(length=36), nullable=False),
    sa.Column('fulfilled_on', sa.String(length=10), nullable=False),
    sa.Column('given', sa.Text(), nullable=False),
    sa.Column('given_by', sa.String(length=100), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('confirmation_note', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('wishes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_wishes_household_id'), ['household_id'], unique=False)
        batch_op.create_index('ix_wishes_status', ['status', 'collected_on'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('wishes', schema=None) as batch_op:
        batch_op.drop_index('ix_wishes_status')
        batch_op.drop_index(batch_op.f('ix_wishes_household_id'))

    op.drop_table('wishes')
    with op.batch_alter_table('wish_photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_wish_photos_wish_id'))

    op.drop_table('wish_photos')
    with op.batch_alter_table('wish_claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_wish_claims_board_id'))

    op.drop_table('wish_claims')
    with op.batch_alter_table('wish_board', schema=None) as batch_op:
        batch_op.drop_index('ix_wish_board_list')

    op.drop_table('wish_board')
    with op.batch_alter_table('trainees', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trainees_household_id'))
        batch_op.drop_index(batch_op.f('ix_trainees_activity_id'))

    op.drop_table('trainees')
    with op.batch_alter_table('sponsorships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sponsorships_sponsor_id'))
        batch_op.drop_index(batch_op.f('ix_sponsorships_household_id'))

    op.drop_table('sponsorships')
    with op.batch_alter_table('sponsorship_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sponsorship_events_sponsorship_id'))

    op.drop_table('sponsorship_events')
    op.drop_table('sponsors')
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.drop_index('ix_households_list')
        batch_op.drop_index(batch_op.f('ix_households_id_number'))

    op.drop_table('households')
    with op.batch_alter_table('household_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_members_volunteer_id'))
        batch_op.drop_index(batch_op.f('ix_household_members_id_number'))
        batch_op.drop_index(batch_op.f('ix_household_members_household_id'))

    op.drop_table('household_members')
    op.drop_table('household_categories')
