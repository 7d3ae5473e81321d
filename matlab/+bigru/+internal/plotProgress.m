function plotProgress(info)
%PLOTPROGRESS  Plots 'training-progress', drawn once when training ends (internal).
%   Without a display (or a graphics toolkit), it says so and training's result is unaffected.
try
  figure('Name', 'Training Progress');
  iterations = 1:numel(info.TrainingLoss);
  plot(iterations, info.TrainingLoss, '-');
  hold on;
  valid = ~isnan(info.ValidationLoss);
  if any(valid)
    plot(iterations(valid), info.ValidationLoss(valid), 'o--');
    legend('Training loss', 'Validation loss');
  else
    legend('Training loss');
  end
  hold off;
  xlabel('Iteration');
  ylabel('Loss');
  title('Training Progress');
  grid on;
  drawnow;
catch err
  warning('bigru:plots', 'Plots ''training-progress'' could not draw: %s', err.message);
end
end
