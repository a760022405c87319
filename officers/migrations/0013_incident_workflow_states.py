import django_fsm
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('officers', '0012_officer_user_police_logins'),
    ]

    # The two status columns become django-fsm's FSMField, which is a CharField of the
    # same length: the model's state changes, the database does not (on SQLite an
    # AlterField would copy every incident into a new table for nothing).
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.AlterField(
                model_name='historicalincident',
                name='case_status',
                field=django_fsm.FSMField(choices=[('open', 'Open'), ('in_progress', 'In progress'), ('referred', 'Referred'), ('closed', 'Closed')], default='open', max_length=20, verbose_name='case'),
            ),
            migrations.AlterField(
                model_name='historicalincident',
                name='report_status',
                field=django_fsm.FSMField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('returned', 'Returned for correction'), ('approved', 'Approved')], default='draft', max_length=20, verbose_name='report'),
            ),
            migrations.AlterField(
                model_name='incident',
                name='case_status',
                field=django_fsm.FSMField(choices=[('open', 'Open'), ('in_progress', 'In progress'), ('referred', 'Referred'), ('closed', 'Closed')], default='open', max_length=20, verbose_name='case'),
            ),
            migrations.AlterField(
                model_name='incident',
                name='report_status',
                field=django_fsm.FSMField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('returned', 'Returned for correction'), ('approved', 'Approved')], default='draft', max_length=20, verbose_name='report'),
            ),
            ],
            database_operations=[],
        ),
    ]
